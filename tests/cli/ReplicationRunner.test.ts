import { existsSync, readdirSync, readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { ReplicationRunner } from "../../cli/ReplicationRunner.js";
import { loadScenario } from "../../sim/experiments/loadScenario.js";
import { runReplication } from "../../sim/experiments/runReplication.js";

const checked = loadScenario(readFileSync("scenarios/teaching-small.json", "utf8"), ["run.days=2", "run.warmupDays=0"]);
if (!checked.ok) throw new Error("teaching-small.json should be valid");
const scenario = checked.value;
const jobs = (replications: number[]) => replications.map((replication) => ({ scenario, seed: 4, replication }));

describe("ReplicationRunner on worker threads", () => {
  afterEach(() => {
    delete process.env.GRIDGOV_CRASH_REPLICATION;
  });

  it("keeps its threads across batches, and a thread that died in one batch costs no job of the next", async () => {
    // Threads read the environment when they start: replication 1 kills whichever thread runs it.
    process.env.GRIDGOV_CRASH_REPLICATION = "1";
    const runner = new ReplicationRunner(2);
    try {
      const first = await runner.run(jobs([0, 1, 2, 3]));
      expect(first.map((o) => o?.ok)).toEqual([true, false, true, true]);
      expect(first[1]).toMatchObject({ ok: false, error: expect.stringMatching(/worker thread \d exited/) });
      // The surviving thread runs the whole second batch; the dead one is not given any of it.
      const second = await runner.run(jobs([4, 5, 6]));
      expect(second.map((o) => o?.ok)).toEqual([true, true, true]);
      second.forEach((o, k) => expect(JSON.stringify(o?.ok && o.result)).toBe(JSON.stringify(runReplication(scenario, 4, 4 + k))));
    } finally {
      await runner.close();
    }
  }, 60_000);

  // Node hands a dying thread's last answers to their listeners and emits 'exit' in the
  // same turn of the event loop when it notices the exit first. To make that happen every
  // time, this thread is kept busy until the worker thread has gone (watched in
  // /proc/self/task, hence Linux only), so that both events wait for it together.
  it.runIf(existsSync("/proc/self/task"))("keeps the result a thread sent just before it died, and reports the job that killed it", async () => {
    process.env.GRIDGOV_CRASH_REPLICATION = "1";
    const runner = new ReplicationRunner(1, false);
    try {
      const tasks = () => new Set(readdirSync("/proc/self/task"));
      // Start from a turn of the event loop of its own, not from inside the delivery of some message.
      await new Promise((resolve) => setImmediate(resolve));
      const before = tasks();
      // Starts the pool's one thread and sends it both jobs (the second is sent ahead).
      const outcomes = runner.run(jobs([0, 1]));
      const started = [...tasks()].filter((task) => !before.has(task));
      expect(started).toHaveLength(1);
      const deadline = Date.now() + 60_000;
      while (tasks().has(started[0])) if (Date.now() > deadline) throw new Error("the worker thread did not exit");
      const [answered, killer] = await outcomes;
      expect(JSON.stringify(answered?.ok && answered.result)).toBe(JSON.stringify(runReplication(scenario, 4, 0)));
      expect(killer).toMatchObject({ ok: false, error: expect.stringMatching(/worker thread 0 exited with code 70/) });
    } finally {
      await runner.close();
    }
  }, 60_000);
});
