import type { PlaybackOutcome } from "../../sim/experiments/recordPlayback.js";
import type { Scenario } from "../../sim/scenario/scenarioSchema.js";
import type { ScenarioRun } from "../charts/index.js";
import { CancelledError, EnginePool } from "../engine/EnginePool.js";
import type { ComparisonResult } from "../engine/runComparison.js";
import { playbackView, type PlaybackView } from "../playback/index.js";
import { el, replace } from "./el.js";
import { playbackLengths, replicationChoices } from "./playbackChoices.js";

/** Days of a run the playback shows unless another length is chosen. */
const PLAYBACK_DAYS = 2;

/**
 * The teaching playback: pick a scenario, one of its replications and how many days,
 * record them (in a worker of its own) and watch workers move and incidents appear and
 * close. Replications are labelled with their busiest hour, so a class can compare a
 * calm run with an overwhelmed one.
 */
export function playbackPanel() {
  const pool = new EnginePool(1);
  let view: PlaybackView | null = null;

  function attach(c: ComparisonResult, runs: ScenarioRun[]): HTMLElement {
    view?.destroy();
    view = null;
    const which = el("select", { id: "playback-scenario", "aria-label": "Scenario to play back" }, ...runs.map((r, i) => el("option", { value: i }, r.name)));
    const replication = el("select", { id: "playback-replication", "aria-label": "Replication to play back" });
    const days = el("select", { id: "playback-days", "aria-label": "Days to play back" });
    // Options follow the scenario (its length, its replications' busiest hours) and the days chosen.
    const refreshChoices = () => {
      const outcome = c.outcomes[Number(which.value)];
      const lengths = playbackLengths(outcome.scenario);
      const wanted = Number(days.value) || PLAYBACK_DAYS;
      const length = lengths.includes(wanted) ? wanted : Math.min(PLAYBACK_DAYS, lengths[lengths.length - 1]);
      replace(days, ...lengths.map((d) => el("option", { value: d }, d === 1 ? "1 day" : `${d} days`)));
      days.value = String(length);
      const kept = replication.value || "0";
      replace(replication, ...replicationChoices(outcome, length).map((r) => el("option", { value: r.value }, r.label)));
      replication.value = [...replication.options].some((o) => o.value === kept) ? kept : "0";
    };
    which.addEventListener("change", refreshChoices);
    days.addEventListener("change", refreshChoices);
    refreshChoices();
    const status = el("p", { className: "status", role: "status" });
    const holder = el("div", { id: "playback-holder" });
    const show = async () => {
      const i = Number(which.value);
      const run = runs[i];
      const [k, d] = [Number(replication.value), Number(days.value)];
      status.textContent = `Recording the first ${d === 1 ? "day" : `${d} days`} of ${run.name} (replication ${k}, seed ${String(c.request.seed)})…`;
      pool.cancel();
      try {
        const [out] = await pool.map<Scenario, PlaybackOutcome>([c.outcomes[i].scenario], (api, s) => api.recordPlayback(s, c.request.seed, k, { days: d }));
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
      el("p", { className: "status" }, "Watch the first days of one replication: workers moving, incidents appearing and closing. Space plays or pauses; the time slider moves with the arrow keys."),
      el(
        "p",
        { className: "status" },
        "The playback counts every incident that has happened and is not yet closed, found or not; the list of replications counts, as the backlog chart does, those registered on the platform, on the hour. So the playback's peak is often a little higher.",
      ),
      el(
        "div",
        { className: "row" },
        el("label", { for: "playback-scenario" }, "Scenario"),
        which,
        el("label", { for: "playback-replication" }, "Replication"),
        replication,
        el("label", { for: "playback-days" }, "Length"),
        days,
        el("button", { id: "playback-load", type: "button", onclick: () => void show() }, "Show playback"),
      ),
      status,
      holder,
    );
  }

  return { attach };
}
