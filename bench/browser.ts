/**
 * `npm run bench:browser`: the web app in Debian's Chromium (headless, through
 * playwright-core), as a user runs it. See docs/performance.md, "Web app in the browser".
 *
 * The site is built with Vite and served on 127.0.0.1. A share link sets up six variants
 * of the teaching district (seed 1, 10 replications each = 60 replications). For 1 and
 * 2 engine Web Workers (`?workers=N`), alternately, 3 times, in a fresh page each time:
 *
 * 1. wall time from the click on `#run` to the status "Done: …" (the replications, run in
 *    workers that start with the click, then combined and compared on the main thread) and
 *    to `#results[data-ready]` (summary, table and every chart drawn); then the same again
 *    on the same page, with its workers already started;
 * 2. the longest main-thread task (Long Tasks API: only tasks over 50 ms are reported)
 *    while simulating, while drawing the charts and while saving the run in IndexedDB;
 * 3. then, on the same page, the preview latency after an edit in the scenario editor
 *    (input event → next `#preview[data-ready]`), twice.
 *
 * The page's "Run the full comparison after each change" (`#auto-run`) is switched off
 * the moment it is created, so nothing runs before the timed click.
 * Times are taken inside the page (`performance.now()`), so Playwright's round trips are
 * not in them. Prints a table and writes test-artifacts/bench/browser.json.
 * Fails (exit status 1) if Chromium is missing. `--replications N` (2–200) runs a heavier comparison.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { buildAndServe, CHROMIUM, launchBrowser, type Browser, type ServedSite } from "../tests/support/browserHarness.js";
import { encodeShareState, type ShareState } from "../viz/share/index.js";
import { formatBrowser, type BrowserBench, type BrowserRun } from "./report.js";
import { median, nowMs } from "./timing.js";
import { machine } from "./machine.js";

const args = process.argv.slice(2);
const repsArg = args.indexOf("--replications");
/** Replications per scenario (10 by default, as a teacher's comparison; `--replications N` for a heavier run). */
const REPLICATIONS = repsArg >= 0 ? Number(args[repsArg + 1]) : 10;
if (!(Number.isInteger(REPLICATIONS) && REPLICATIONS >= 2 && REPLICATIONS <= 200)) throw new Error("--replications needs a whole number from 2 to 200");
const unknown = args.filter((a, i) => a !== "--replications" && args[i - 1] !== "--replications");
if (unknown.length) throw new Error(`unknown argument ${unknown.join(", ")}; use --replications N`);

const REPEATS = 3;
const WORKERS = [1, 2];
/** The preview's debounce in viz/app/previewPanel.ts (part of what a user waits for). */
const PREVIEW_DEBOUNCE_MS = 150;
/** The field edited for the preview latency, and the values it is set to in turn (the last one restores it). */
const EDIT_PATH = "staffing.workersPerGrid";
const EDIT_VALUES = ["2", "1"];

/** Replication length of the workload, fixed so that figures stay comparable whatever the preset's own length. */
const DAYS = 14;
const STATE: ShareState = {
  v: 1,
  scenarios: [
    { preset: "teaching-small", changes: { "run.days": DAYS } },
    { preset: "teaching-small", name: "Smaller grids (300 households)", changes: { "run.days": DAYS, "grids.householdsPerGrid": 300 } },
    { preset: "teaching-small", name: "Two workers per grid", changes: { "run.days": DAYS, "staffing.workersPerGrid": 2 } },
    { preset: "teaching-small", name: "Half the admin tasks", changes: { "run.days": DAYS, "admin.taskCut": 0.5 } },
    { preset: "teaching-small", name: "Community pool", changes: { "run.days": DAYS, "dispatch.policy": "communityPool" } },
    {
      preset: "teaching-small",
      name: "Smaller grids, pooled, half the tasks",
      changes: { "run.days": DAYS, "grids.householdsPerGrid": 300, "dispatch.policy": "communityPool", "admin.taskCut": 0.5 },
    },
  ],
  seed: 1,
  replications: REPLICATIONS,
};
const WORKLOAD = `6 teaching-district variants × ${STATE.replications} replications of ${DAYS} days, seed ${STATE.seed}`;

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** What the instrumentation (installed before the page's own scripts) records, in page time. */
interface Probe {
  longTasks: Array<{ start: number; duration: number }>;
  status: Array<{ t: number; text: string }>;
  resultsReady: number[];
  previewReady: Array<{ t: number; value: string }>;
  inputs: number[];
  autoRunOff: boolean;
}

/**
 * Runs in the page before its scripts: collects long tasks, switches `#auto-run` off as
 * soon as it exists, and timestamps every status text, `#results[data-ready]`,
 * `#preview[data-ready]` and edit of the benchmarked field.
 */
function instrument(editPath: string): void {
  const probe: Probe = { longTasks: [], status: [], resultsReady: [], previewReady: [], inputs: [], autoRunOff: false };
  (window as unknown as { __bench: Probe }).__bench = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
  document.addEventListener(
    "input",
    (e) => {
      if ((e.target as Element | null)?.closest?.(`[data-path="${editPath}"]`)) probe.inputs.push(performance.now());
    },
    true,
  );
  const text = Object.getOwnPropertyDescriptor(Node.prototype, "textContent")!;
  let hooked = false;
  const hook = () => {
    const auto = document.getElementById("auto-run") as HTMLInputElement | null;
    const status = document.getElementById("status");
    const results = document.getElementById("results");
    const preview = document.getElementById("preview");
    if (hooked || !auto || !status || !results || !preview) return;
    hooked = true;
    auto.checked = false;
    auto.dispatchEvent(new Event("change", { bubbles: true }));
    probe.autoRunOff = true;
    // The status is set with `textContent`: stamp each text when it is set (a mutation
    // observer would fire only after the task's later work, such as drawing the first chart).
    Object.defineProperty(status, "textContent", {
      configurable: true,
      get() {
        return text.get!.call(this);
      },
      set(v: string) {
        probe.status.push({ t: performance.now(), text: String(v) });
        text.set!.call(this, v);
      },
    });
    new MutationObserver(() => {
      if (results.hasAttribute("data-ready")) probe.resultsReady.push(performance.now());
    }).observe(results, { attributes: true, attributeFilter: ["data-ready"] });
    new MutationObserver(() => {
      probe.previewReady.push({ t: performance.now(), value: preview.dataset.ready ?? "" });
    }).observe(preview, { attributes: true, attributeFilter: ["data-ready"] });
  };
  new MutationObserver(hook).observe(document, { childList: true, subtree: true });
}

const probeOf = (page: Page) => page.evaluate(() => (window as unknown as { __bench: Probe }).__bench);

type Timed = Pick<BrowserRun, "firstResultMs" | "lastResultMs" | "longestSavingTaskMs" | "simulationMs" | "readyMs" | "longestSimulationTaskMs" | "longestChartTaskMs" | "longTasks">;

/** Clicks `#run` inside the page and times the comparison; returns once it is drawn and saved. */
async function timedRun(page: Page): Promise<Timed> {
  await page.evaluate(() => {
    document.getElementById("saved-note")!.textContent = "";
  });
  await page.waitForTimeout(300);
  const click = await page.evaluate(() => {
    const t = performance.now();
    (document.getElementById("run") as HTMLButtonElement).click();
    return t;
  });
  await page.waitForFunction(
    () => document.querySelector("#results[data-ready]") !== null || /^(The run failed|Cancelled)/.test(document.getElementById("status")?.textContent ?? ""),
    undefined,
    { timeout: 150_000, polling: 100 },
  );
  // Saving in IndexedDB follows the charts; then let the last long tasks be reported (they are, when they end).
  await page.waitForFunction(() => (document.getElementById("saved-note")?.textContent ?? "") !== "", undefined, { timeout: 30_000 });
  await page.waitForTimeout(500);
  const p = await probeOf(page);
  const total = STATE.scenarios.length * STATE.replications;
  const first = p.status.find((s) => s.t >= click && s.text === `1 of ${total} replications done`);
  const last = p.status.find((s) => s.t >= click && s.text === `${total} of ${total} replications done`);
  const done = p.status.find((s) => s.t >= click && s.text.startsWith("Done"));
  const ready = p.resultsReady.find((t) => t >= click);
  if (!first || !last || !done || ready === undefined) throw new Error(`the comparison did not finish: ${p.status.at(-1)?.text ?? "no status"}`);
  const longTasks = p.longTasks
    .filter((l) => l.start + l.duration >= click)
    .map((l) => {
      const end = l.start + l.duration;
      const where = end <= done.t ? "simulation" : l.start < done.t ? "handover" : l.start <= ready ? "charts" : "after";
      return { startMs: l.start - click, durationMs: l.duration, window: where } as const;
    });
  const longest = (ws: string[]) => {
    const d = longTasks.filter((l) => ws.includes(l.window)).map((l) => l.durationMs);
    return d.length ? Math.max(...d) : null;
  };
  return {
    firstResultMs: first.t - click,
    lastResultMs: last.t - click,
    simulationMs: done.t - click,
    readyMs: ready - click,
    longestSimulationTaskMs: longest(["simulation"]),
    // The task that ends the simulation (last result, combining, comparing) also draws the summary and first chart.
    longestChartTaskMs: longest(["handover", "charts"]),
    longestSavingTaskMs: longest(["after"]),
    longTasks,
  };
}

/** One fresh page with `workers` engine workers: the timed comparison, then the preview latencies. */
async function measure(browser: Browser, site: ServedSite, workers: number, repeat: number): Promise<BrowserRun> {
  const page = await browser.newPage(1280);
  try {
    // As source text, with a stand-in for the `__name` helper tsx (esbuild) puts into named functions.
    await page.addInitScript({ content: `(() => { const __name = (f) => f; (${instrument.toString()})(${JSON.stringify(EDIT_PATH)}); })();` });
    await page.goto(`${site.url}?workers=${workers}#share=${encodeShareState(STATE)}`);
    await page.waitForSelector("#preview-table", { timeout: 60_000 });
    await page.waitForSelector("#run:not([disabled])", { timeout: 60_000 });
    const before = await probeOf(page);
    if (!before.autoRunOff || (await page.isChecked("#auto-run"))) throw new Error("could not switch #auto-run off");
    if (before.status.length > 0) throw new Error(`a run started before the timed click: ${before.status.at(-1)!.text}`);
    if ((await page.locator("#scenario-list li").count()) !== STATE.scenarios.length) throw new Error("the share link did not set up the six scenarios");

    // 1–2. The comparison, clicked inside the page; then once more, with the workers warm.
    const cold = await timedRun(page);
    const warm = await timedRun(page);

    // 3. Preview latency: edit the first scenario's field, wait for the next preview.
    await page.locator("#scenario-list li").first().getByRole("button", { name: /^Edit/ }).click();
    const input = page.locator(`#editor [data-path="${EDIT_PATH}"] input`);
    await input.waitFor();
    const previewMs: number[] = [];
    for (const value of EDIT_VALUES) {
      const old = await page.getAttribute("#preview", "data-ready");
      const seen = (await probeOf(page)).inputs.length;
      await input.fill(value);
      await page.waitForFunction((o) => document.getElementById("preview")?.dataset.ready !== o, old, { timeout: 30_000, polling: 50 });
      const q = await probeOf(page);
      const edited = q.inputs[seen];
      const shown = q.previewReady.find((r) => r.t >= edited && r.value !== old);
      if (edited === undefined || !shown) throw new Error("preview latency: no input event or no new preview recorded");
      previewMs.push(shown.t - edited);
    }
    if ((await page.locator("#run").isDisabled()) || !(await probeOf(page)).status.at(-1)!.text.startsWith("Done")) throw new Error("an edit started a comparison");

    const errors = browser.errors.splice(0);
    if (errors.length) throw new Error(`the page logged errors:\n${errors.join("\n")}`);
    return {
      workers,
      repeat,
      ...cold,
      warm: { simulationMs: warm.simulationMs, readyMs: warm.readyMs, longestSimulationTaskMs: warm.longestSimulationTaskMs, longestChartTaskMs: warm.longestChartTaskMs },
      previewMs,
    };
  } finally {
    await page.close();
  }
}

function chromiumVersion(): string {
  try {
    return execFileSync(CHROMIUM, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim().replace(/ built on .*$/, "");
  } catch (e) {
    throw new Error(`${CHROMIUM} --version failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function stats(xs: Array<number | null>): { median: number | null; worst: number | null } {
  const some = xs.filter((x): x is number => x !== null);
  // A run without long tasks counts as 0 ms for the median (its longest task is under 50 ms).
  return { median: some.length * 2 > xs.length ? median(xs.map((x) => x ?? 0)) : null, worst: some.length ? Math.max(...some) : null };
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (or set GRIDGOV_CHROMIUM)`);
  }
  const chromium = chromiumVersion();
  const start = nowMs();
  log("Web app in Chromium: building the site …");
  const site = await buildAndServe();
  let browser: Browser | undefined;
  const runs: BrowserRun[] = [];
  try {
    browser = await launchBrowser();
    for (let repeat = 1; repeat <= REPEATS; repeat++) {
      for (const workers of repeat % 2 ? WORKERS : [...WORKERS].reverse()) {
        const r = await measure(browser, site, workers, repeat);
        runs.push(r);
        log(
          `  ${workers} worker(s), repeat ${repeat}: Done ${(r.simulationMs / 1000).toFixed(2)} s, charts drawn ${(r.readyMs / 1000).toFixed(2)} s, ` +
            `2nd run Done ${(r.warm.simulationMs / 1000).toFixed(2)} s, longest task ${r.longestSimulationTaskMs ?? "–"} / ${r.longestChartTaskMs ?? "–"} ms, preview ${r.previewMs.map((x) => Math.round(x)).join(", ")} ms`,
        );
      }
    }
  } finally {
    await browser?.close();
    await site.close();
  }

  const summary = WORKERS.map((workers) => {
    const mine = runs.filter((r) => r.workers === workers);
    const simulationMs = median(mine.map((r) => r.simulationMs));
    const readyMs = median(mine.map((r) => r.readyMs));
    return {
      workers,
      simulationMs,
      readyMs,
      chartsMs: median(mine.map((r) => r.readyMs - r.simulationMs)),
      combineMs: median(mine.map((r) => r.simulationMs - r.lastResultMs)),
      warmSimulationMs: median(mine.map((r) => r.warm.simulationMs)),
      longestSimulationTaskMs: stats(mine.map((r) => r.longestSimulationTaskMs)),
      longestChartTaskMs: stats(mine.map((r) => r.longestChartTaskMs)),
      longestSavingTaskMs: stats(mine.map((r) => r.longestSavingTaskMs)),
      firstResultMs: median(mine.map((r) => r.firstResultMs)),
    };
  });
  const previews = runs.flatMap((r) => r.previewMs);
  const report: BrowserBench = {
    date: new Date().toISOString(),
    machine: machine(),
    chromium,
    workload: WORKLOAD,
    repeats: REPEATS,
    runs,
    summary,
    speedup: { simulation: summary[0].simulationMs / summary[1].simulationMs, ready: summary[0].readyMs / summary[1].readyMs, warmSimulation: summary[0].warmSimulationMs / summary[1].warmSimulationMs },
    preview: { medianMs: median(previews), minMs: Math.min(...previews), maxMs: Math.max(...previews), samples: previews.length, debounceMs: PREVIEW_DEBOUNCE_MS },
  };
  const m = report.machine;
  console.log(`${m.cpu} × ${m.cores} cores, ${m.memoryGB} GB, ${m.platform}; load average ${m.loadAverage.join(", ")}; ${report.date}`);
  console.log(formatBrowser(report));
  const outDir = fileURLToPath(new URL("../test-artifacts/bench/", import.meta.url));
  mkdirSync(outDir, { recursive: true });
  writeFileSync(`${outDir}browser.json`, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nWrote test-artifacts/bench/browser.json (${Math.round((nowMs() - start) / 1000)} s in all)`);
}

try {
  await main();
} catch (e) {
  console.error(`\nbench:browser FAILED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
}
