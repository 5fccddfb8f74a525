import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU time (ms) of each thread of this process now, by thread id, read from
 * `/proc/self/task/<tid>/stat` (user + system, fields 14 and 15, in clock ticks of
 * 10 ms). Null where `/proc` is not there (not Linux): the figures it feeds are then
 * left out.
 */
export function threadCpu(): Map<number, number> | null {
  let tids: string[];
  try {
    tids = readdirSync("/proc/self/task");
  } catch {
    return null;
  }
  const cpu = new Map<number, number>();
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
      // The command name, in parentheses, may contain spaces: count fields after its closing one.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      cpu.set(Number(tid), (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      // The thread ended between listing and reading.
    }
  }
  return cpu;
}

/** How one run's CPU time split between the threads it started and the rest of the process (ms). */
export interface CpuSplit {
  /** Threads that did not exist before the run, the busiest `count` of them: the engine's worker threads. */
  engines: number;
  /** Every other thread: the main thread, and V8's helper threads (compiling, garbage collection). */
  others: number;
}

/**
 * Splits the CPU time used between two {@link threadCpu} readings (taken before the run and
 * before its threads end): the `count` busiest threads born in between, and the rest.
 */
export function splitCpu(before: Map<number, number>, after: Map<number, number>, count: number): CpuSplit {
  const born: number[] = [];
  let others = 0;
  for (const [tid, ms] of after) {
    const was = before.get(tid);
    if (was === undefined) born.push(ms);
    else others += ms - was;
  }
  born.sort((a, b) => b - a);
  const engines = born.slice(0, count).reduce((a, b) => a + b, 0);
  return { engines, others: others + born.slice(count).reduce((a, b) => a + b, 0) };
}
