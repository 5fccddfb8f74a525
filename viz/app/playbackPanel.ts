import type { PlaybackOutcome } from "../../sim/experiments/recordPlayback.js";
import type { Scenario } from "../../sim/scenario/scenarioSchema.js";
import type { ScenarioRun } from "../charts/index.js";
import { CancelledError, EnginePool } from "../engine/EnginePool.js";
import type { ComparisonResult } from "../engine/runComparison.js";
import { playbackView, type PlaybackView } from "../playback/index.js";
import { el, replace } from "./el.js";

/** Days of a run the playback shows. */
const PLAYBACK_DAYS = 2;

/**
 * The teaching playback: pick a scenario, record replication 0 of it (the first
 * days, in its own worker) and watch workers move and incidents appear and close.
 */
export function playbackPanel() {
  const pool = new EnginePool(1);
  let view: PlaybackView | null = null;

  function attach(c: ComparisonResult, runs: ScenarioRun[]): HTMLElement {
    view?.destroy();
    view = null;
    const which = el("select", { id: "playback-scenario", "aria-label": "Scenario to play back" }, ...runs.map((r, i) => el("option", { value: i }, r.name)));
    const status = el("p", { className: "status", role: "status" });
    const holder = el("div", { id: "playback-holder" });
    const show = async () => {
      const i = Number(which.value);
      const run = runs[i];
      status.textContent = `Recording the first ${PLAYBACK_DAYS} days of ${run.name} (replication 0, seed ${String(c.request.seed)})…`;
      pool.cancel();
      try {
        const [out] = await pool.map<Scenario, PlaybackOutcome>([c.outcomes[i].scenario], (api, s) => api.recordPlayback(s, c.request.seed, 0, { days: PLAYBACK_DAYS }));
        if (!out.ok) {
          status.textContent = `Playback failed: ${out.error.split("\n")[0]}`;
          return;
        }
        view?.destroy();
        view = playbackView(out.playback, { color: run.color, label: run.name });
        replace(holder, view.element);
        status.textContent = "";
      } catch (e) {
        if (!(e instanceof CancelledError)) status.textContent = `Playback failed: ${e instanceof Error ? e.message : String(e)}`;
      }
    };
    return el(
      "div",
      { className: "chart-card", id: "playback", "data-chart-group": "playback" },
      el("h3", {}, "Playback of one run"),
      el("p", { className: "status" }, `Watch the first ${PLAYBACK_DAYS} days of one replication: workers moving, incidents appearing and closing. Space plays or pauses; the time slider moves with the arrow keys.`),
      el("div", { className: "row" }, el("label", { for: "playback-scenario" }, "Scenario"), which, el("button", { id: "playback-load", type: "button", onclick: () => void show() }, "Show playback")),
      status,
      holder,
    );
  }

  return { attach };
}
