/** Entry point of a browser Web Worker running the engine (exposes engineApi through comlink). */
import * as Comlink from "comlink";
import { engineApi } from "./engineApi.js";

Comlink.expose(engineApi);
