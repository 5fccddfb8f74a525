import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("..", import.meta.url));
const entry = join(repo, "sim", "runtime", "nodeEngineWorker.ts");
const cacheDir = join(repo, "node_modules", ".cache", "gridgov");
/** Packages bundled into the worker along with the engine. */
const BUNDLED_PACKAGES = ["comlink", "seedrandom", "zod"];

function sourcesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? sourcesOf(join(dir, d.name)) : d.name.endsWith(".ts") ? [join(dir, d.name)] : []))
    .sort();
}

/** A hash of everything that goes into the bundle: the engine's sources and the bundled packages' versions. */
function bundleKey(): string {
  const hash = createHash("sha256");
  for (const file of sourcesOf(join(repo, "sim"))) hash.update(file.slice(repo.length)).update("\0").update(readFileSync(file)).update("\0");
  for (const pkg of BUNDLED_PACKAGES) hash.update(readFileSync(join(repo, "node_modules", pkg, "package.json")));
  return hash.digest("hex").slice(0, 16);
}

let cached: string | null | undefined;

/**
 * The engine's worker module bundled into one plain JavaScript file, so that a worker
 * thread starts in a fraction of the time it takes to compile the TypeScript sources
 * one by one (≈ 1.3 s per thread). Built with esbuild on first use and kept in
 * `node_modules/.cache/gridgov/`, named by a hash of the sources: a change to the
 * engine makes a new bundle, never a stale one. Returns null (the caller then loads
 * the sources through tsx) if the bundle cannot be made, or with
 * `GRIDGOV_WORKER_BUNDLE=0`.
 */
export function engineWorkerBundle(): string | null {
  if (cached !== undefined) return cached;
  cached = null;
  if (process.env.GRIDGOV_WORKER_BUNDLE === "0") return null;
  try {
    const file = join(cacheDir, `engine-worker-${bundleKey()}.mjs`);
    if (!existsSync(file)) {
      // Loaded only when a bundle has to be made.
      const esbuild = createRequire(import.meta.url)("esbuild") as typeof import("esbuild");
      const out = esbuild.buildSync({
        entryPoints: [entry],
        bundle: true,
        platform: "node",
        format: "esm",
        target: "node20",
        write: false,
        logLevel: "silent",
        // seedrandom's optional require("crypto") needs a real require in an ES module.
        banner: { js: 'import { createRequire as __gridgovRequire } from "node:module"; const require = __gridgovRequire(import.meta.url);' },
      });
      mkdirSync(cacheDir, { recursive: true });
      // Written whole or not at all: processes started together (a job array) may race here.
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, out.outputFiles[0].contents);
      renameSync(temp, file);
    }
    cached = file;
  } catch {
    cached = null;
  }
  return cached;
}
