import { scenarioColor } from "../charts/palette.js";
import { CancelledError, EnginePool } from "../engine/EnginePool.js";
import type { Scenario } from "../../sim/scenario/scenarioSchema.js";
import { el, replace } from "./el.js";
import { scrollTable } from "./scrollTable.js";
import { entryName, entryScenario, type ScenarioEntry } from "./ScenarioEntry.js";

/** Days simulated by the preview (after at most one warm-up day). */
export const PREVIEW_DAYS = 3;

/** The preview's shortened copy of a scenario: the same district and rules, a few days. */
export function previewScenario(s: Scenario): Scenario {
  const warmupDays = Math.min(s.run.warmupDays, 1);
  return { ...s, run: { ...s.run, warmupDays, days: Math.min(s.run.days, warmupDays + PREVIEW_DAYS) } };
}

const fmt = (v: number | null | undefined, digits = 0) => (v === null || v === undefined || !Number.isFinite(v) ? "–" : v.toFixed(digits));

/**
 * The quick preview: one short run of each valid scenario (replication 0, a few
 * days), started a moment after any change, so there is a first answer within
 * about half a second while the full comparison runs. It has its own worker.
 */
export function previewPanel() {
  const pool = new EnginePool(1);
  const body = el("div", { id: "preview-body" }, el("p", { className: "status" }, "Add a scenario to see a first estimate."));
  const element = el(
    "section",
    { id: "preview", className: "panel preview", "aria-labelledby": "preview-title", "aria-live": "polite" },
    el("h2", { id: "preview-title" }, "Quick preview"),
    body,
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;
  let listeners: Array<() => void> = [];

  let inFlight = false;
  /** While set, the preview does not run and this note stands in its place. */
  let gate: string | null = null;

  async function runNow(entries: ScenarioEntry[]) {
    if (gate !== null) return;
    const mine = ++generation;
    // A preview still running is stale: stop it (its worker is replaced). An idle worker is kept, warm.
    if (inFlight) pool.cancel();
    const valid = entries.map((e, i) => ({ e, i })).filter(({ e }) => e.issues.length === 0);
    if (valid.length === 0) {
      replace(body, el("p", { className: "status" }, entries.length ? "Fix the invalid scenario to see a preview." : "Add a scenario to see a first estimate."));
      return;
    }
    const scenarios = valid.map(({ e }) => previewScenario(entryScenario(e)));
    inFlight = true;
    try {
      const results = await pool.map(scenarios, async (api, s) => api.runReplication(s, 1, 0));
      inFlight = false;
      if (mine !== generation) return;
      const rows = valid.map(({ e, i }, k) => {
        const r = results[k];
        if (!r.ok) return el("tr", {}, el("td", {}, entryName(e)), el("td", { colspan: 4 }, r.error.split("\n")[0]));
        const m = r.result.metrics;
        return el(
          "tr",
          {},
          el("th", { scope: "row" }, el("span", { className: "swatch", style: `background:${scenarioColor(i)}`, "aria-hidden": "true" }), " ", entryName(e)),
          el("td", {}, fmt(m.responseTime.mean)),
          el("td", {}, fmt(m.responseTime.p90)),
          el("td", {}, fmt(r.result.workers.utilization * 100)),
          el("td", {}, String(r.result.incidents.arrived)),
        );
      });
      replace(
        body,
        scrollTable(
          "preview-table",
          `One short run per scenario (${PREVIEW_DAYS} days, replication 0): a first look to rank the scenarios, with no interval. Its times run low, as backlogs have no time to build up in ${PREVIEW_DAYS} days; quote the full comparison's figures.`,
          "Quick preview table",
          el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Scenario"), el("th", { scope: "col" }, "Mean response (min)"), el("th", { scope: "col" }, "p90 response (min)"), el("th", { scope: "col" }, "Utilisation (%)"), el("th", { scope: "col" }, "Incidents"))),
          el("tbody", {}, ...rows),
        ),
      );
      element.dataset.ready = String(mine);
      for (const l of listeners) l();
    } catch (e) {
      if (mine === generation) inFlight = false;
      if (!(e instanceof CancelledError)) replace(body, el("p", { className: "error" }, `Preview failed: ${e instanceof Error ? e.message : String(e)}`));
    }
  }

  return {
    element,
    /** Runs the preview shortly (changes within 150 ms are gathered into one run); nothing while gated. */
    schedule(entries: ScenarioEntry[]) {
      clearTimeout(timer);
      if (gate !== null) return;
      const snapshot = [...entries];
      timer = setTimeout(() => void runNow(snapshot), 150);
    },
    /**
     * Holds the preview back (a lesson before the prediction is committed): `note` is shown
     * in its place and a preview under way is dropped. `null` lifts the gate; schedule a
     * preview afterwards to show one.
     */
    setGate(note: string | null) {
      gate = note;
      if (note === null) return;
      clearTimeout(timer);
      generation++;
      if (inFlight) pool.cancel();
      inFlight = false;
      delete element.dataset.ready;
      replace(body, el("p", { className: "status", id: "preview-gate" }, note));
    },
    /** Calls `f` after each finished preview. */
    onReady(f: () => void) {
      listeners.push(f);
    },
    dispose() {
      listeners = [];
      pool.dispose();
    },
  };
}
