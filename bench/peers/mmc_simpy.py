#!/usr/bin/env python3
"""The reference M/M/c workload ("M/M/c patrol") in SimPy 3, for `npm run bench -- --peers`.

c = 10 servers, Poisson arrivals at 8/h, exponential service of mean 60 min, run for
HOURS simulated hours (default 125,000: about 1,000,000 customers served). Written
the way SimPy's documentation writes queueing models: an arrival process that starts
one process per customer, each requesting a shared Resource.

Prints one JSON line: customers served, SimPy events scheduled, the model-level event
count comparable to GridGov's (one arrival + one service end per customer) and the
wall time of env.run() in seconds.

Usage: python3 mmc_simpy.py [hours] [seed]
"""
import json
import random
import sys
import time

try:
    import simpy
except ImportError:
    print(json.dumps({"error": "simpy is not installed"}))
    sys.exit(3)

SERVERS = 10
ARRIVALS_PER_MINUTE = 8 / 60
SERVICE_MEAN = 60.0


def main() -> None:
    hours = float(sys.argv[1]) if len(sys.argv) > 1 else 125_000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    rng = random.Random(seed)
    env = simpy.Environment()
    servers = simpy.Resource(env, capacity=SERVERS)
    stats = {"served": 0, "arrived": 0, "wait": 0.0}

    def customer():
        arrived = env.now
        with servers.request() as request:
            yield request
            stats["wait"] += env.now - arrived
            yield env.timeout(rng.expovariate(1 / SERVICE_MEAN))
        stats["served"] += 1

    def arrivals():
        while True:
            yield env.timeout(rng.expovariate(ARRIVALS_PER_MINUTE))
            stats["arrived"] += 1
            env.process(customer())

    env.process(arrivals())
    start = time.perf_counter()
    env.run(until=hours * 60)
    seconds = time.perf_counter() - start
    served = stats["served"]
    print(json.dumps({
        "simpy": simpy.__version__,
        "python": sys.version.split()[0],
        "hours": hours,
        "served": served,
        "arrived": stats["arrived"],
        "meanWait": stats["wait"] / served if served else None,
        # Events SimPy itself scheduled (timeouts, requests, releases, process starts and ends).
        "simpyEvents": next(env._eid),
        # One arrival and one service end per customer, as GridGov's engine counts them.
        "modelEvents": stats["arrived"] + served,
        "seconds": seconds,
    }))


if __name__ == "__main__":
    main()
