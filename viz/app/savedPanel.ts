import type { ComparisonResult } from "../engine/runComparison.js";
import type { SavedRuns } from "../store/savedRuns.js";
import { el, replace } from "./el.js";

/**
 * The list of saved runs (kept in this browser's IndexedDB, so they survive a
 * reload): open one to see its results again, or delete it. In a lesson, until the
 * student has committed to a prediction, the list is held back (see `setGate`).
 */
export function savedPanel(store: SavedRuns, open: (comparison: ComparisonResult, share: string) => void) {
  const listEl = el("ul", { id: "saved-list" });
  const message = el("p", { className: "status", role: "status" });
  const element = el(
    "section",
    { id: "saved", className: "panel", "aria-labelledby": "saved-title" },
    el("h2", { id: "saved-title" }, "Saved runs"),
    el("p", { className: "status" }, "Every finished comparison is kept in this browser (not sent anywhere)."),
    listEl,
    message,
  );

  /** Shown instead of the list while set (a lesson before the prediction), else null. */
  let gate: string | null = null;

  async function refresh() {
    try {
      const entries = await store.list();
      // Checked after the wait: a lesson may have opened meanwhile.
      if (gate !== null) {
        replace(listEl, el("li", { className: "status", id: "saved-gate" }, gate));
        return;
      }
      if (entries.length === 0) {
        replace(listEl, el("li", { className: "status" }, "No saved runs yet."));
        return;
      }
      replace(
        listEl,
        ...entries.map((entry) =>
          el(
            "li",
            { "data-id": entry.id },
            el("span", {}, entry.title, " ", el("span", { className: "status" }, `(${entry.savedAt.replace("T", " ").slice(0, 19)} UTC)`)),
            " ",
            el(
              "button",
              {
                type: "button",
                "aria-label": `Open saved run: ${entry.title}`,
                onclick: async () => {
                  const run = await store.get(entry.id);
                  if (run) open(run.comparison, run.share);
                  else message.textContent = "That run is no longer stored.";
                },
              },
              "Open",
            ),
            " ",
            el(
              "button",
              {
                type: "button",
                "aria-label": `Delete saved run: ${entry.title}`,
                onclick: async () => {
                  await store.remove(entry.id);
                  await refresh();
                },
              },
              "Delete",
            ),
          ),
        ),
      );
    } catch (e) {
      message.textContent = `Saved runs are unavailable in this browser: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  /** Holds the list back behind `note` (null: shows it again). */
  function setGate(note: string | null) {
    gate = note;
    void refresh();
  }

  return { element, refresh, setGate };
}
