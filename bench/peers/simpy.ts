import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The Python the peers run with: the system one, where Debian installs python3-simpy3
 * (`GRIDGOV_PYTHON` overrides it, e.g. a virtual environment with SimPy 4).
 */
export const PYTHON = process.env.GRIDGOV_PYTHON || "/usr/bin/python3";
/** How to get SimPy 3 on Debian/Ubuntu (`python3-simpy` is the old SimPy 2 API: not that one). */
export const SIMPY_INSTALL = "apt-get update && apt-get install -y python3-simpy3";

const SCRIPT = fileURLToPath(new URL("./mmc_simpy.py", import.meta.url));

/** What `mmc_simpy.py` prints. */
export interface SimpyRun {
  simpy: string;
  python: string;
  hours: number;
  served: number;
  arrived: number;
  meanWait: number | null;
  simpyEvents: number;
  modelEvents: number;
  seconds: number;
}

/** SimPy 3 is usable, or why not and how to fix it. */
export type SimpyCheck = { ok: true; version: string } | { ok: false; reason: string; install: string };

/** Checks that `/usr/bin/python3` can import SimPy 3 or later. */
export function checkSimpy(): SimpyCheck {
  if (!existsSync(PYTHON)) return { ok: false, reason: `${PYTHON} not found`, install: `apt-get install -y python3 python3-simpy3` };
  const probe = spawnSync(PYTHON, ["-c", "import simpy; print(simpy.__version__)"], { encoding: "utf8" });
  if (probe.status !== 0) {
    return { ok: false, reason: `SimPy is not installed for ${PYTHON}`, install: SIMPY_INSTALL };
  }
  const version = probe.stdout.trim();
  if (!(Number.parseInt(version, 10) >= 3)) {
    return { ok: false, reason: `SimPy ${version} found: the benchmark needs the SimPy 3 API (Environment, Resource)`, install: SIMPY_INSTALL };
  }
  return { ok: true, version };
}

/** Runs the SimPy model for `hours` simulated hours; throws if the script fails. */
export function runSimpy(hours: number, seed: number): SimpyRun {
  const out = spawnSync(PYTHON, [SCRIPT, String(hours), String(seed)], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (out.status !== 0) {
    throw new Error(`${PYTHON} ${SCRIPT} failed (exit ${out.status}): ${out.stderr || out.stdout}`);
  }
  return JSON.parse(out.stdout.trim().split("\n").pop()!) as SimpyRun;
}
