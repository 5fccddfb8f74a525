import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));
const repo = fileURLToPath(new URL("..", import.meta.url));

/**
 * The web app: a static site (relative base, so it works from any static host or
 * sub-folder) whose simulations run in module Web Workers.
 */
export default defineConfig({
  root,
  base: "./",
  clearScreen: false,
  server: { host: "127.0.0.1", port: 5173, fs: { allow: [repo] } },
  preview: { host: "127.0.0.1", port: 4173 },
  worker: { format: "es" },
  build: { outDir: fileURLToPath(new URL("../dist", import.meta.url)), emptyOutDir: true, target: "es2022", chunkSizeWarningLimit: 1500 },
});
