import os from "node:os";

/** The machine a benchmark ran on, as recorded with its figures. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGB: number;
  platform: string;
  node: string;
  v8: string;
  /** 1-, 5- and 15-minute load averages when the figures were taken (other jobs on the machine). */
  loadAverage: number[];
}

/** Describes this machine now. */
export function machine(): Machine {
  return {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    v8: process.versions.v8,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}
