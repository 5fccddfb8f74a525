/** Entry point of a Node worker thread running the engine (exposes engineApi through comlink). */
import { parentPort } from "node:worker_threads";
import * as Comlink from "comlink";
import nodeEndpoint from "comlink/dist/esm/node-adapter.mjs";
import { engineApi, type EngineApi } from "./engineApi.js";

if (!parentPort) throw new Error("nodeEngineWorker must run in a worker thread");

// Fault injection for tests of crash handling: GRIDGOV_CRASH_REPLICATION=k makes the
// thread die (as on a fatal error) when it is given replication k.
const crashOn = process.env.GRIDGOV_CRASH_REPLICATION;
const api: EngineApi =
  crashOn === undefined
    ? engineApi
    : {
        ...engineApi,
        runReplication(scenario, seed, replication) {
          if (String(replication) === crashOn) process.exit(70);
          return engineApi.runReplication(scenario, seed, replication);
        },
      };
Comlink.expose(api, nodeEndpoint(parentPort));
