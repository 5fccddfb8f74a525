import { districtDifference } from "../../sim/experiments/districtDifference.js";
import { loadScenario } from "../../sim/experiments/loadScenario.js";
import { parseSeed, SEED_RULE } from "../../sim/experiments/parseSeed.js";
import { formatIssues, type ScenarioIssue } from "../../sim/scenario/ScenarioIssue.js";
import { scenarioColor } from "../charts/palette.js";
import { CancelledError, EnginePool } from "../engine/EnginePool.js";
import { runComparison, type ComparisonResult } from "../engine/runComparison.js";
import { scenarioForm } from "../form/scenarioForm.js";
import { changedPaths } from "../form/changedPaths.js";
import { formFields } from "../form/formFields.js";
import { getPath } from "../form/getPath.js";
import { labelFromKey } from "../form/labelFromKey.js";
import { LABEL_PATHS } from "../share/lockedPaths.js";
import { compactScenario, decodeShareState, resolveShareState, tryEncodeShareState, type Lesson as ShareLesson, type ShareState } from "../share/index.js";
import { lessonMaker } from "./lessonMaker.js";
import { SavedRuns } from "../store/savedRuns.js";
import { el, replace } from "./el.js";
import { PRESETS, presetGroups, presetName } from "./presets.js";
import { previewPanel } from "./previewPanel.js";
import { resultsPanel } from "./resultsPanel.js";
import { savedPanel } from "./savedPanel.js";
import { checkEntry, entryFileWarnings, entryName, entryScenario, entrySize, makeEntry, makeFileEntry, type ScenarioEntry } from "./ScenarioEntry.js";
import { sweepPanel } from "./sweepPanel.js";

/** A lesson set up by a link: as the link gave it, and the field paths it locks. */
interface OpenLesson {
  spec: ShareLesson;
  locked: string[];
  /** True once the student has committed to a prediction by running the comparison. */
  committed: boolean;
}

/** Shown in place of the quick preview, the sweep and the saved runs in a lesson until the prediction is committed. */
const LESSON_GATE_NOTE = "In this lesson, results appear after you have written your prediction and pressed Run comparison.";

/** The scenario the page starts with when no link sets it up: the small teaching district. */
const startingEntry = () => makeEntry("teaching-small", PRESETS["teaching-small"]);

/** "1 scenario", "3 scenarios". */
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Number of engine workers: `?workers=N` in the page address, else one per core. */
function workerCount(): number {
  const n = Number(new URLSearchParams(location.search).get("workers"));
  return Number.isInteger(n) && n >= 1 && n <= 64 ? n : Math.max(1, navigator.hardwareConcurrency || 2);
}

/**
 * Builds the page in `root`: scenario set-up on the left (library, file, editor,
 * run controls, share link, lesson), preview, results, sweep and saved runs on the right.
 */
export function startApp(root: HTMLElement): void {
  const pool = new EnginePool(workerCount());
  const store = new SavedRuns();
  let entries: ScenarioEntry[] = [];
  let editing: number | null = null;
  let lesson: OpenLesson | null = null;
  let running: AbortController | null = null;
  /** Counts changes to the set-up, so a run can tell whether its results still match it. */
  let setupVersion = 0;

  // ----- set-up column -----
  const list = el("ol", { className: "scenario-list", id: "scenario-list", "aria-label": "Scenarios to compare" });
  const presetSelect = el(
    "select",
    { id: "preset-select", "aria-label": "Scenario from the library" },
    ...presetGroups().map((g) => el("optgroup", { label: g.ids.length > 1 ? `${g.label} and its variants` : g.label }, ...g.ids.map((id) => el("option", { value: id }, presetName(id))))),
  );
  const addButton = el("button", { id: "add-preset", type: "button", onclick: () => addEntry(makeEntry(presetSelect.value, PRESETS[presetSelect.value])) }, "Add");
  const fileInput = el("input", { id: "file-input", type: "file", accept: ".json,application/json" });
  const loadError = el("div", { id: "load-error", className: "error", role: "alert" });
  const editor = el("div", { id: "editor", className: "editor" });
  const seedInput = el("input", { id: "seed", type: "text", inputmode: "numeric", size: 8, value: 1, "aria-describedby": "seed-help" });
  const repsInput = el("input", { id: "replications", type: "number", min: 2, max: 200, step: 1, value: 10 });
  const autoRun = el("input", { id: "auto-run", type: "checkbox", checked: true, "aria-describedby": "auto-run-note" });
  const autoRunNote = el("span", { id: "auto-run-note", className: "status hidden" }, "(off in a lesson: press Run comparison)");
  /** The user's own choice, restored when a lesson closes. */
  let autoRunChoice = true;
  autoRun.addEventListener("change", () => (autoRunChoice = autoRun.checked));
  const runButton = el("button", { id: "run", type: "button", className: "primary", onclick: () => void run(true) }, "Run comparison");
  /** The same, in the lesson box beside the prediction (the main one is a screen further down on a phone). */
  const lessonRunButton = el("button", { id: "lesson-run", type: "button", className: "primary", onclick: () => void run(true) }, "Run comparison");
  const cancelButton = el("button", { id: "cancel", type: "button", disabled: true, onclick: () => running?.abort() }, "Cancel");
  const progress = el("progress", { id: "progress", max: 1, value: 0, "aria-label": "Progress of the comparison" });
  const status = el("p", { id: "status", className: "status", role: "status", "aria-live": "polite" });
  /** What is wrong with the seed or the number of replications, beside them. */
  const settingsError = el("p", { id: "settings-error", className: "error", role: "alert" });
  /** Why the run button is disabled, in words (a tooltip does not show on a phone). */
  const runHint = el("span", { id: "run-hint", className: "status" });
  const shareUrl = el("input", { id: "share-url", className: "share-url", readonly: true, "aria-label": "Share link", placeholder: "press “Make share link”" });
  const linkError = el("div", { id: "link-error", className: "error", role: "alert" });
  const copyNote = el("span", { id: "copy-note", className: "status", role: "status" });
  const copyButton = el("button", { id: "copy-link", type: "button", disabled: true, onclick: () => void copyLink() }, "Copy link");
  // A link that cannot be opened is said at the top of the page, where it is seen without scrolling.
  const openError = el("div", { id: "open-error", className: "open-error hidden", role: "alert", tabindex: -1 });
  const lessonBox = el("section", { id: "lesson", className: "panel lesson hidden", "aria-labelledby": "lesson-title" });
  const prediction = el("textarea", { id: "prediction", rows: 3, "aria-describedby": "prediction-help" });
  const predictionHelp = el("p", { id: "prediction-help", className: "status" });

  fileInput.addEventListener("change", async () => {
    const file = fileInput.files?.[0];
    fileInput.value = "";
    if (!file) return;
    const text = await file.text();
    const checked = loadScenario(text);
    if (!checked.ok) {
      loadError.textContent = `Could not load this file:\n${formatIssues(file.name, checked.issues)}`;
      return;
    }
    loadError.textContent = "";
    const data = JSON.parse(text) as unknown;
    addEntry(makeFileEntry(file.name, data));
  });

  const setup = el(
    "section",
    { id: "setup", "aria-labelledby": "setup-title" },
    el("h2", { id: "setup-title" }, "Scenarios"),
    el("p", { className: "status" }, "The first scenario is the baseline; each other one is compared with it, replication by replication, on the same incidents."),
    lessonBox,
    list,
    el("div", { className: "row" }, el("label", { for: "preset-select" }, "Library"), presetSelect, addButton),
    el("div", { className: "row" }, el("label", { for: "file-input" }, "Or load a scenario file"), fileInput),
    loadError,
    editor,
    el(
      "div",
      { className: "panel" },
      el("div", { className: "row" }, el("label", { for: "seed" }, "Seed"), seedInput, el("label", { for: "replications" }, "Replications"), repsInput),
      settingsError,
      el("p", { id: "seed-help", className: "status" }, "The same scenarios and seed give the same numbers, here and with gridgov run --seed."),
      el("div", { className: "row" }, runButton, cancelButton, runHint),
      el("div", { className: "row" }, autoRun, el("label", { for: "auto-run" }, "Run the full comparison after each change"), autoRunNote),
      progress,
      status,
    ),
    el(
      "div",
      { className: "panel" },
      el("div", { className: "row" }, el("button", { id: "share-button", type: "button", onclick: () => makeShareLink() }, "Make share link"), copyButton, copyNote),
      shareUrl,
      linkError,
      lessonMaker(
        (spec) => makeShareLink(spec),
        // Changed parameters (not the scenario's own name or description).
        () => [...new Set(entries.flatMap((e) => (e.preset ? changedPaths(e.data, e.baseline) : [])).filter((p) => p.includes(".")))],
      ),
    ),
  );

  // ----- results column -----
  const preview = previewPanel();
  const results = resultsPanel();
  let rerun = false;
  /** True after a saved run is opened, until the scenarios change: the page shows that run, not a new one. */
  let showingSaved = false;
  preview.onReady(() => {
    if (!autoRun.checked || showingSaved || (runButton.disabled && running === null)) return;
    // Two districts set against each other are seldom meant: wait for Run comparison (or Make baseline, Remove).
    if (entries.some((_, i) => districtNote(i) !== null)) {
      status.textContent = "Not run by itself: a scenario is of another district than the baseline's (see its warning). Press Run comparison to compare them anyway.";
      return;
    }
    if (running) {
      rerun = true;
      running.abort();
    } else void run();
  });
  const sweep = sweepPanel(new EnginePool(pool.size), () => (entries[0] && entries[0].issues.length === 0 ? entryScenario(entries[0]) : null));
  const saved = savedPanel(store, (comparison, share) => {
    showingSaved = true;
    rerun = false;
    running?.abort();
    if (share) restoreFromShare(share, true);
    void results.show(comparison);
    results.markSaved("Opened a saved run.");
  });
  const output = el("section", { id: "output", "aria-label": "Results" }, preview.element, results.element, sweep.element, saved.element);
  replace(root, openError, setup, output);
  root.setAttribute("aria-busy", "false");

  // ----- behaviour -----
  function addEntry(entry: ScenarioEntry) {
    if (entries.length >= 8) {
      loadError.textContent = "At most 8 scenarios can be compared at once.";
      return;
    }
    entries.push(entry);
    showOpenError(null);
    setupChanged();
  }

  /** After any change to the set-up: list, run button, preview, and results marked out of date. */
  function setupChanged() {
    setupVersion++;
    showingSaved = false;
    renderList();
    results.markStale();
    preview.schedule(entries);
  }

  /** Why entry `i` is of another district than the baseline's, or null (the baseline, an invalid entry, the same district). */
  function districtNote(i: number): string | null {
    const [base, e] = [entries[0], entries[i]];
    if (i === 0 || !e || base.issues.length > 0 || e.issues.length > 0) return null;
    return districtDifference(entryScenario(base), entryScenario(e));
  }

  /** Each entry's warnings, with a note when it is of another district than the baseline's. */
  function entryWarnings(): string[][] {
    return entries.map((e, i) => {
      const other = districtNote(i);
      return other ? [...e.warnings, other] : e.warnings;
    });
  }

  /** Moves the entry to the top of the list, where it becomes the baseline. */
  function makeBaseline(key: number) {
    const k = entries.findIndex((e) => e.key === key);
    if (k <= 0) return;
    entries = [entries[k], ...entries.slice(0, k), ...entries.slice(k + 1)];
    setupChanged();
    list.querySelector<HTMLElement>("li:first-child .name")?.focus();
  }

  function renderList() {
    const warnings = entryWarnings();
    replace(
      list,
      ...entries.map((entry, i) => {
        // Parameters changed from the preset; a new name is not a change of the scenario.
        const changed = entry.preset ? changedPaths(entry.data, entry.baseline).filter((p) => !LABEL_PATHS.includes(p)).length : 0;
        const size = entrySize(entry);
        return el(
          "li",
          { "data-key": entry.key },
          el("span", { className: "swatch", style: `background:${scenarioColor(i)}`, "aria-hidden": "true" }),
          el("span", { className: "name", tabindex: -1 }, entryName(entry)),
          i === 0 ? el("span", { className: "badge" }, "baseline") : null,
          changed ? el("span", { className: "badge" }, `${changed} changed`) : null,
          entry.issues.length ? el("span", { className: "badge error" }, "invalid") : null,
          el("button", { type: "button", "aria-label": `Edit ${entryName(entry)}`, onclick: () => edit(entry.key) }, "Edit"),
          el("button", { type: "button", "aria-label": `Remove ${entryName(entry)}`, onclick: () => removeEntry(entry.key) }, "Remove"),
          i > 0 ? el("button", { type: "button", className: "make-baseline", "aria-label": `Make baseline: ${entryName(entry)}`, onclick: () => makeBaseline(entry.key) }, "Make baseline") : null,
          size ? el("p", { className: "entry-size status" }, size) : null,
          ...[...entryFileWarnings(entry), ...warnings[i]].map((w) => el("p", { className: "entry-warning" }, `Warning: ${w}`)),
        );
      }),
    );
    updateRunButton();
  }

  function removeEntry(key: number) {
    entries = entries.filter((e) => e.key !== key);
    if (editing === key) {
      editing = null;
      replace(editor);
    }
    setupChanged();
  }

  function edit(key: number) {
    const entry = entries.find((e) => e.key === key);
    if (!entry) return;
    if (editing === key && editor.firstChild) return;
    closeEditor();
    editing = key;
    // In a lesson, changes are marked and reset against the lesson's set-up, not the shipped preset.
    const fromLesson = lesson !== null && entry.lessonStart !== undefined;
    const form = scenarioForm({
      scenario: entry.data as object,
      baseline: (fromLesson ? entry.lessonStart : entry.baseline) as object,
      texts: fromLesson ? { resetAll: "Reset all to the lesson's set-up", baselineName: "lesson" } : undefined,
      locked: lesson?.locked ?? [],
      onChange: (data: unknown, valid: boolean, issues: ScenarioIssue[]) => {
        entry.data = data;
        Object.assign(entry, checkEntry(entry));
        // A box that cannot be read ("", "abc") leaves the data as it was: its error must block the run too.
        if (!valid && entry.issues.length === 0) entry.issues = issues;
        setupChanged();
      },
    });
    replace(
      editor,
      el("h3", {}, "Edit: ", entryName(entry)),
      el("button", { type: "button", onclick: () => closeEditor() }, "Close editor"),
      form,
    );
  }

  /** Closes the editor; what its unreadable boxes held is dropped, so the entry is checked again on its data. */
  function closeEditor() {
    const entry = entries.find((e) => e.key === editing);
    editing = null;
    replace(editor);
    if (!entry) return;
    Object.assign(entry, checkEntry(entry));
    renderList();
  }

  function updateRunButton() {
    const invalid = entries.some((e) => e.issues.length > 0);
    const needPrediction = lesson !== null && prediction.value.trim() === "";
    runButton.disabled = running !== null || entries.length === 0 || invalid || needPrediction;
    runButton.title = entries.length === 0 ? "Add a scenario first" : invalid ? "Fix the invalid scenario first" : needPrediction ? "Write your prediction first" : "";
    runHint.textContent = running === null ? runButton.title : "";
    lessonRunButton.disabled = runButton.disabled;
  }
  prediction.addEventListener("input", updateRunButton);
  // Results are for one seed and number of replications: changing either makes them out of date,
  // also when it happens during a run (the version tells the run it no longer matches the page).
  for (const input of [seedInput, repsInput]) {
    input.addEventListener("input", () => {
      setupVersion++;
      results.markStale();
    });
    // Checked when the box is left, not at every keystroke.
    input.addEventListener("change", () => void runSettings());
  }

  function runSettings(): { seed: number | string; replications: number } | null {
    const replications = Number(repsInput.value);
    // The command line's rule (spaces around it aside), so that any run made here can be repeated with gridgov run --seed.
    const parsed = parseSeed(seedInput.value.trim());
    const repsOk = Number.isInteger(replications) && replications >= 2 && replications <= 200;
    for (const [input, ok] of [[seedInput, parsed.ok], [repsInput, repsOk]] as const) {
      if (ok) input.removeAttribute("aria-invalid");
      else input.setAttribute("aria-invalid", "true");
    }
    settingsError.textContent = !parsed.ok
      ? `Seed: expected ${SEED_RULE}, found ${parsed.found}.`
      : !repsOk
        ? `Replications: expected a whole number from 2 to 200 (intervals need at least 2), found “${repsInput.value}”.`
        : "";
    return parsed.ok && repsOk ? { seed: parsed.seed, replications } : null;
  }

  /** Runs the comparison; `pressed`: started by the button, so the results are brought into view when they are below it. */
  async function run(pressed = false) {
    const settings = runSettings();
    if (!settings || entries.length === 0) return;
    // What this run is, as a link: saved with its results even if the page is edited meanwhile.
    const share = shareText();
    const scenarios = entries.map(entryScenario);
    const warnings = entryWarnings();
    const version = setupVersion;
    running = new AbortController();
    if (lesson && !lesson.committed) {
      // Running commits the student to the prediction written: the preview and sweep open now.
      lesson.committed = true;
      applyLessonGate();
    }
    updateRunButton();
    cancelButton.disabled = false;
    progress.value = 0;
    status.textContent = `Running ${plural(scenarios.length, "scenario")} × ${settings.replications} replications on ${plural(pool.size, "worker")}…`;
    results.element.setAttribute("aria-busy", "true");
    results.element.removeAttribute("data-ready");
    try {
      const comparison = await runComparison(
        pool,
        { scenarios, warnings, seed: settings.seed, replications: settings.replications },
        (done, total) => {
          progress.value = done / total;
          status.textContent = `${done} of ${total} replications done`;
        },
        running.signal,
      );
      status.textContent = `Done: ${plural(scenarios.length, "scenario")} × ${settings.replications} replications.`;
      await results.show(comparison, lesson && prediction.value.trim() ? prediction.value.trim() : null);
      // On one column (a phone) the results are far below the button: go there, as a reader would.
      if (pressed && results.element.getBoundingClientRect().top > window.innerHeight) {
        results.element.scrollIntoView({ block: "start" });
        results.element.focus({ preventScroll: true });
      }
      // The set-up was edited while this ran (and no rerun follows): say so.
      if (version !== setupVersion && !rerun) results.markStale();
      await save(comparison, share);
    } catch (e) {
      if (e instanceof CancelledError) status.textContent = "Cancelled; nothing was kept from this run.";
      else status.textContent = `The run failed: ${e instanceof Error ? e.message : String(e)}`;
      progress.value = 0;
    } finally {
      running = null;
      cancelButton.disabled = true;
      results.element.setAttribute("aria-busy", "false");
      updateRunButton();
      if (rerun) {
        rerun = false;
        void run();
      }
    }
  }

  async function save(comparison: ComparisonResult, share: string) {
    const names = comparison.outcomes.map((o) => o.result.scenario.name).join(" vs ");
    try {
      // The same set-up (scenarios, seed, replications, lesson) gives the same results: keep only the newest.
      if (share !== "") for (const old of await store.list()) if (old.share === share) await store.remove(old.id);
      await store.save({
        title: `${names} — seed ${comparison.request.seed}, ${comparison.request.replications} replications`,
        savedAt: comparison.manifest.finishedAt,
        share,
        comparison,
      });
      results.markSaved("Saved in this browser (see Saved runs).");
      await saved.refresh();
    } catch (e) {
      results.markSaved(`Could not save this run in the browser: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  function currentShareState(): ShareState {
    const settings = runSettings() ?? { seed: 1 as number | string, replications: 10 };
    return {
      v: 1,
      scenarios: entries.map((e) => (e.preset ? { preset: e.preset, changes: changesOf(e) } : { scenario: compactScenario(e.data) as object })),
      seed: settings.seed,
      replications: settings.replications,
      ...(lesson ? { lesson: lesson.spec } : {}),
    };
  }

  /** The share-link text of the current set-up ("" if it cannot be encoded). */
  function shareText(): string {
    const encoded = tryEncodeShareState(currentShareState());
    return encoded.ok ? encoded.text : "";
  }

  function changesOf(e: ScenarioEntry): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const path of changedPaths(e.data, e.baseline)) out[path] = getPath(e.data, path);
    return out;
  }

  function makeShareLink(withLesson?: ShareLesson) {
    const state = currentShareState();
    const encoded = tryEncodeShareState(withLesson ? { ...state, lesson: withLesson } : state);
    if (!encoded.ok) {
      linkError.textContent = `No link could be made: ${encoded.error}`;
      return;
    }
    linkError.textContent = "";
    const url = new URL(location.href);
    url.hash = `share=${encoded.text}`;
    shareUrl.value = url.toString();
    shareUrl.select();
    copyButton.disabled = false;
    copyNote.textContent = "";
  }

  /** Copies the share link to the clipboard, and says whether it could. */
  async function copyLink() {
    try {
      await navigator.clipboard.writeText(shareUrl.value);
      copyNote.textContent = "Link copied.";
    } catch {
      shareUrl.select();
      copyNote.textContent = "This browser would not copy it: the link is selected, press Ctrl+C (⌘C on a Mac).";
    }
  }

  /**
   * Sets the page up from a share-link payload; returns false if it is bad, with the reason
   * shown at the top of the page and the page left as it was. `fromSavedRun`: the set-up of
   * a saved run being opened (its results are shown, so a lesson counts as committed).
   */
  function restoreFromShare(payload: string, fromSavedRun = false): boolean {
    const decoded = decodeShareState(payload);
    if (!decoded.ok) {
      showOpenError(decoded.error);
      return false;
    }
    const resolved = resolveShareState(decoded.state, PRESETS);
    if (!resolved.ok) {
      showOpenError(resolved.error);
      return false;
    }
    showOpenError(null);
    const state = decoded.state;
    entries = state.scenarios.map((s, i) => {
      const preset = "preset" in s ? s.preset : null;
      const entry = makeEntry(preset, preset ? PRESETS[preset] : resolved.scenarios[i], resolved.scenarios[i]);
      if (state.lesson) entry.lessonStart = resolved.scenarios[i];
      return entry;
    });
    editing = null;
    replace(editor);
    seedInput.value = String(state.seed);
    repsInput.value = String(state.replications);
    // Another lesson starts with an empty prediction; the same one keeps what was written.
    if (state.lesson && JSON.stringify(state.lesson) !== JSON.stringify(lesson?.spec)) prediction.value = "";
    lesson = state.lesson ? { spec: state.lesson, locked: resolved.locked, committed: fromSavedRun } : null;
    renderLesson();
    applyLessonGate();
    if (fromSavedRun) renderList();
    else setupChanged();
    return true;
  }

  /** Shows why a link cannot be opened at the top of the page and moves focus there; `null` hides it. */
  function showOpenError(error: string | null) {
    openError.classList.toggle("hidden", error === null);
    if (error === null) {
      replace(openError);
      return;
    }
    const empty = entries.length === 0;
    replace(
      openError,
      el("h2", {}, "This link cannot be opened"),
      el("p", {}, `What is wrong: ${error}`),
      el(
        "p",
        {},
        empty
          ? "Nothing was run. A link cut off when it was copied cannot be opened: ask for the whole link again, or start from a scenario of the library."
          : "Nothing was changed or run: the page still shows the set-up it had.",
      ),
      empty
        ? el(
            "div",
            { className: "row" },
            el("button", { id: "open-teaching", type: "button", onclick: () => addEntry(startingEntry()) }, "Start with the teaching district"),
            el("button", { type: "button", onclick: () => presetSelect.focus() }, "Choose from the library"),
          )
        : null,
    );
    openError.focus();
  }

  /** In a lesson before the prediction is committed, the quick preview and the sweep are held back. */
  function applyLessonGate() {
    const gated = lesson !== null && !lesson.committed;
    // Once results are out, the prediction stays as it was written before them.
    prediction.readOnly = lesson !== null && lesson.committed;
    predictionHelp.textContent =
      lesson === null || !lesson.committed
        ? "Write what you expect before running: the results appear only after you have committed to a prediction."
        : "Committed with your first run: it stays as you wrote it, to set against the results.";
    preview.setGate(gated ? LESSON_GATE_NOTE : null);
    sweep.setGate(gated ? LESSON_GATE_NOTE : null);
    saved.setGate(gated ? LESSON_GATE_NOTE : null);
    if (!gated) preview.schedule(entries);
  }

  function renderLesson() {
    lessonBox.classList.toggle("hidden", lesson === null);
    // A lesson reruns only when the student presses Run comparison.
    autoRun.disabled = lesson !== null;
    autoRun.checked = lesson === null && autoRunChoice;
    autoRunNote.classList.toggle("hidden", lesson === null);
    if (!lesson) return;
    replace(
      lessonBox,
      el("h3", { id: "lesson-title" }, "Lesson: ", lesson.spec.title),
      el("p", {}, lesson.spec.question),
      el("label", { for: "prediction" }, "Your prediction"),
      predictionHelp,
      prediction,
      el("div", { className: "row" }, lessonRunButton),
      lessonFieldsNote(lesson.locked),
    );
  }

  /**
   * What the lesson lets students change: the parameters they may change, each a button
   * that opens it in the editor — or, when fewer, the parameters it locks.
   */
  function lessonFieldsNote(lockedPaths: readonly string[]): HTMLElement | null {
    // Parameters only: not the file format's version, nor the labels (the name is always free).
    const fields = formFields().filter((f) => f.kind !== "const" && !LABEL_PATHS.includes(f.path));
    const locked = lockedPaths.filter((p) => fields.some((f) => f.path === p));
    if (locked.length === 0) return null;
    const free = fields.filter((f) => !locked.includes(f.path));
    // "Dispatch › Policy": a field's own label alone ("Policy") can be too short to place.
    const named = (path: string) => {
      const f = fields.find((x) => x.path === path);
      const label = f ? (f.section ? `${labelFromKey(f.section)} › ${f.label}` : f.label) : path;
      return [label, " (", el("code", {}, path), ")"];
    };
    if (free.length === 0) return el("p", { id: "lesson-fields", className: "status" }, "The lesson locks every parameter; you may still rename a scenario and change the seed and the number of replications.");
    if (free.length <= locked.length) {
      return el(
        "div",
        { id: "lesson-fields" },
        el("p", {}, `You may change ${free.length === 1 ? "this parameter" : `these ${free.length} parameters`} in any scenario (the lesson locks the other ${locked.length}):`),
        el("ul", { className: "lesson-fields" }, ...free.map((f) => el("li", {}, el("button", { type: "button", "data-path": f.path, onclick: () => openField(f.path) }, ...named(f.path))))),
      );
    }
    return el(
      "div",
      { id: "lesson-fields" },
      el("p", {}, `The lesson locks these ${locked.length} parameters; the other ${free.length} are yours to change:`),
      el("ul", { className: "lesson-fields" }, ...locked.map((p) => el("li", {}, ...named(p)))),
    );
  }

  /** Opens the editor (on the scenario being edited, else the second one, the changed one) at field `path`. */
  function openField(path: string) {
    const target = entries.find((e) => e.key === editing) ?? entries[1] ?? entries[0];
    if (!target) return;
    edit(target.key);
    const field = editor.querySelector<HTMLElement>(`[data-path="${path}"]`);
    field?.scrollIntoView({ block: "center" });
    field?.querySelector<HTMLElement>("input, select, textarea")?.focus({ preventScroll: true });
  }

  // ----- start -----
  const sharePayload = () => new URLSearchParams(location.hash.slice(1)).get("share");
  const payload = sharePayload();
  if (payload === null) addEntry(startingEntry());
  else restoreFromShare(payload);
  // A link pasted into this tab changes only the hash: set the page up from it.
  window.addEventListener("hashchange", () => {
    const next = sharePayload();
    if (next !== null) restoreFromShare(next);
  });
  void saved.refresh();
  renderList();
}
