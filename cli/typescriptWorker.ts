import { Worker } from "node:worker_threads";

const tsxApi = import.meta.resolve("tsx/esm/api");

/**
 * A worker thread running a TypeScript module. tsx does not reach into worker threads on
 * Node 20, so the thread registers it first, then imports the module.
 */
export function typescriptWorker(module: URL): Worker {
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(module.href)}); });`;
  return new Worker(bootstrap, { eval: true });
}
