/** Entry point of a Node worker thread running the engine (exposes engineApi through comlink). */
import { parentPort } from "node:worker_threads";
import * as Comlink from "comlink";
import nodeEndpoint from "comlink/dist/esm/node-adapter.mjs";
import { engineApi } from "./engineApi.js";

if (!parentPort) throw new Error("nodeEngineWorker must run in a worker thread");
Comlink.expose(engineApi, nodeEndpoint(parentPort));
