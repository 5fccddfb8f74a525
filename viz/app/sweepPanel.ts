import { parseSeed, SEED_RULE } from "../../sim/experiments/parseSeed.js";
import type { Scenario } from "../../sim/scenario/scenarioSchema.js";
import { formatNumber } from "../charts/format.js";
import { meetsTarget, sweepHeatmap, type SweepCell as HeatmapCell } from "../charts/sweepHeatmap.js";
import { CancelledError, type EnginePool } from "../engine/EnginePool.js";
import { runSweep, type SweepCell } from "../engine/runSweep.js";
import { el, replace } from "./el.js";
import { chartCard } from "./chartCard.js";

/** Parses "200, 300,400" into positive numbers, or says what is wrong. */
export function parseValues(text: string, what: string): number[] | string {
  const parts = text.split(/[,\s]+/).filter(Boolean);
  if (parts.length === 0) return `${what}: expected a list of numbers such as “200, 300, 400”, found nothing`;
  const values = parts.map(Number);
  const bad = parts.find((p, i) => !Number.isFinite(values[i]) || values[i] <= 0);
  if (bad !== undefined) return `${what}: expected positive numbers, found “${bad}”`;
  if (values.length > 8) return `${what}: at most 8 values, found ${values.length}`;
  return [...new Set(values)].sort((a, b) => a - b);
}

/**
 * Default target for the p90 response time (min): 20 hours. Incidents reported after the
 * shift wait for the next one, so the shipped scenarios' p90 is many hours (in the teaching
 * district's default sweep, about 860 to 1,900 min: one worker per grid misses 20 hours, two
 * meet it, 1.5 meet it in most grid sizes); a target in minutes would be met by no setting.
 */
export const DEFAULT_SWEEP_TARGET = 1200;

/** The sweep's outcome in one sentence: how many settings meet the target, or that none does and which came closest. */
export function sweepVerdict(cells: readonly HeatmapCell[], target: number): string {
  const known = cells.filter((c) => c.value !== null && Number.isFinite(c.value));
  const goal = `the target (p90 response ≤ ${formatNumber(target)} min)`;
  if (known.length === 0) return `No setting gave a result, so none can be said to meet ${goal}.`;
  const setting = (c: (typeof known)[number]) => `${formatNumber(c.x)} households per grid with ${formatNumber(c.y)} workers per grid`;
  const meeting = known.filter((c) => meetsTarget(c, target) !== "no");
  if (meeting.length === 0) {
    const best = known.reduce((a, b) => (b.value! < a.value! ? b : a));
    return `No setting meets ${goal}: the lowest p90 is ${formatNumber(best.value)} min, at ${setting(best)}.`;
  }
  const sure = meeting.filter((c) => meetsTarget(c, target) === "sure").length;
  return `${meeting.length} of ${cells.length} settings meet ${goal} on average; ${sure === 0 ? "none" : sure} of them even with the upper end of the 95% interval (✓).`;
}

/** Each setting's warnings (heavy load, replications cut short, many incidents left open), naming the setting. */
export function sweepWarnings(cells: ReadonlyArray<Pick<SweepCell, "x" | "y" | "result">>): string[] {
  return cells.flatMap((c) => c.result.warnings.map((w) => `${formatNumber(c.x)} households per grid with ${formatNumber(c.y)} workers per grid: ${w}`));
}

/**
 * The sweep view: grid size × staffing on the baseline scenario, as heatmaps of p90
 * response time and cost, with the settings that meet a target framed.
 */
export function sweepPanel(pool: EnginePool, baseline: () => Scenario | null) {
  const sizes = el("input", { id: "sweep-x", value: "200, 300, 400, 600" });
  const staffing = el("input", { id: "sweep-y", value: "1, 1.5, 2" });
  const reps = el("input", { id: "sweep-reps", type: "number", min: 2, max: 50, value: 5 });
  const target = el("input", { id: "sweep-target", type: "number", min: 1, value: DEFAULT_SWEEP_TARGET, "aria-describedby": "sweep-target-help" });
  const run = el("button", { id: "sweep-run", type: "button", onclick: () => void go() }, "Run sweep");
  const cancel = el("button", { type: "button", disabled: true, onclick: () => controller?.abort() }, "Cancel sweep");
  const progress = el("progress", { max: 1, value: 0, "aria-label": "Progress of the sweep" });
  const status = el("p", { className: "status", role: "status" });
  const verdict = el("p", { id: "sweep-verdict" });
  const warnings = el("ul", { id: "sweep-warnings", className: "sweep-warnings" });
  const out = el("div", { className: "charts", id: "sweep-charts" });
  const gateNote = el("p", { className: "status hidden", id: "sweep-gate" });
  let controller: AbortController | null = null;
  let gated = false;
  const controls = el(
    "div",
    { id: "sweep-controls" },
    el("div", { className: "row" }, el("label", { for: "sweep-x" }, "Households per grid"), sizes),
    el("div", { className: "row" }, el("label", { for: "sweep-y" }, "Workers per grid"), staffing),
    el("div", { className: "row" }, el("label", { for: "sweep-reps" }, "Replications per point"), reps, el("label", { for: "sweep-target" }, "Target: p90 response ≤ (min)"), target),
    el("p", { id: "sweep-target-help", className: "status" }, "1,200 min is 20 hours. Incidents reported after the shift wait for the next one, so nine in ten incidents are reached within hours, not minutes."),
    el("div", { className: "row" }, run, cancel),
    progress,
    status,
    verdict,
    warnings,
    out,
  );

  const element = el(
    "section",
    { id: "sweep", className: "panel", "aria-labelledby": "sweep-title" },
    el("h2", { id: "sweep-title" }, "Sweep: grid size × staffing"),
    el("p", { className: "status" }, "Runs every combination on the baseline (first) scenario with the seed above and shows which settings meet a response-time target, and at what cost."),
    gateNote,
    controls,
  );

  async function go() {
    if (gated) return;
    // A new sweep (or a mistake in its settings) replaces the last one's results: none stays under a new message.
    replace(out);
    replace(warnings);
    verdict.textContent = "";
    const base = baseline();
    if (!base) {
      status.textContent = "Add a valid baseline scenario first.";
      return;
    }
    const xs = parseValues(sizes.value, "Households per grid");
    const ys = parseValues(staffing.value, "Workers per grid");
    const n = Number(reps.value);
    const t = Number(target.value);
    for (const v of [xs, ys]) if (typeof v === "string") return void (status.textContent = v);
    if (!Number.isInteger(n) || n < 2 || n > 50) return void (status.textContent = `Replications per point: expected a whole number from 2 to 50, found “${reps.value}”`);
    if (!(t > 0)) return void (status.textContent = `Target: expected a positive number of minutes, found “${target.value}”`);
    const parsedSeed = parseSeed((document.getElementById("seed") as HTMLInputElement | null)?.value.trim() || "1");
    if (!parsedSeed.ok) return void (status.textContent = `Seed: expected ${SEED_RULE}, found ${parsedSeed.found}`);
    const seed = parsedSeed.seed;
    controller = new AbortController();
    run.disabled = true;
    cancel.disabled = false;
    status.textContent = "Running the sweep…";
    try {
      const cells: SweepCell[] = await runSweep(
        pool,
        base,
        { path: "grids.householdsPerGrid", values: xs as number[] },
        { path: "staffing.workersPerGrid", values: ys as number[] },
        seed,
        n,
        (done, total) => {
          progress.value = done / total;
          status.textContent = `${done} of ${total} replications done`;
        },
        controller.signal,
      );
      replace(
        out,
        chartCard(
          "sweep-heatmap",
          sweepHeatmap(cells, { xLabel: "Households per grid", yLabel: "Workers per grid", metric: "p90 response time", unit: "min", target: t, replications: n, id: "sweep-heatmap-chart" }),
          "sweep",
        ),
      );
      status.textContent = `Done: ${cells.length} settings × ${n} replications, seed ${seed}.`;
      verdict.textContent = sweepVerdict(cells, t);
      replace(warnings, ...sweepWarnings(cells).map((w) => el("li", { className: "entry-warning" }, `Warning: ${w}`)));
    } catch (e) {
      status.textContent = e instanceof CancelledError ? "Sweep cancelled." : `The sweep failed: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      controller = null;
      run.disabled = false;
      cancel.disabled = true;
    }
  }

  return {
    element,
    /**
     * Holds the sweep back (a lesson before the prediction is committed): its controls and
     * any result are replaced by `note`, and a sweep under way is cancelled. `null` lifts it.
     */
    setGate(note: string | null) {
      gated = note !== null;
      gateNote.textContent = note ?? "";
      gateNote.classList.toggle("hidden", note === null);
      controls.classList.toggle("hidden", note !== null);
      if (note === null) return;
      controller?.abort();
      replace(out);
      replace(warnings);
      verdict.textContent = "";
      status.textContent = "";
    },
  };
}
