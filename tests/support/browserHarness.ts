import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { build, preview, type PreviewServer } from "vite";

const repo = fileURLToPath(new URL("../..", import.meta.url));

/** Debian's Chromium (installed by `.ci/run` with `apt-get install -y chromium`). */
export const CHROMIUM = process.env.GRIDGOV_CHROMIUM ?? "/usr/bin/chromium";

/** Where end-to-end screenshots and reports go (ignored by git, kept by CI). */
export const ARTIFACTS = join(repo, "test-artifacts", "e2e");

/** The built web app served by Vite's static preview server on 127.0.0.1. */
export interface ServedSite {
  url: string;
  close(): Promise<void>;
}

/** Builds the web app into a fresh temporary folder (as `npm run build` does) and serves it statically. */
export async function buildAndServe(): Promise<ServedSite> {
  const outDir = mkdtempSync(join(os.tmpdir(), "gridgov-site-"));
  const configFile = join(repo, "viz", "vite.config.ts");
  await build({ configFile, logLevel: "error", build: { outDir, emptyOutDir: true } });
  const server: PreviewServer = await preview({ configFile, logLevel: "error", build: { outDir }, preview: { host: "127.0.0.1", port: 0, strictPort: false } });
  const address = server.httpServer.address();
  if (!address || typeof address === "string") throw new Error("preview server has no port");
  return {
    url: `http://127.0.0.1:${address.port}/`,
    async close() {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** A headless Chromium with a fresh profile (so IndexedDB starts empty) and what the page logged. */
export interface Browser {
  context: BrowserContext;
  /** Console errors and uncaught page errors, from every page. */
  errors: string[];
  newPage(width?: number): Promise<Page>;
  close(): Promise<void>;
}

/** Starts Debian's Chromium through playwright-core (fails loudly if it is not installed). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (.ci/run does)`);
  const profile = mkdtempSync(join(os.tmpdir(), "gridgov-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(String(e)));
  };
  context.pages().forEach(watch);
  context.on("page", watch);
  return {
    context,
    errors,
    async newPage(width = 1280) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 900 });
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot as a test artifact. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
