declare module "comlink/dist/esm/node-adapter.mjs" {
  import type { Endpoint } from "comlink";
  /** Wraps a Node MessagePort or Worker as a comlink endpoint. */
  export default function nodeEndpoint(port: unknown): Endpoint;
}
