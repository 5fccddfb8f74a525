import * as d3 from "d3";
import type { Playback } from "../../sim/experiments/recordPlayback.js";
import { ACTIVITIES } from "../../sim/model/Workforce.js";
import { ACTIVITY_STYLES } from "./activityStyles.js";
import { formatClock } from "./formatClock.js";
import { frameAt } from "./frameAt.js";
import { playbackLoop } from "./playbackLoop.js";
import { summaryText } from "./summaryText.js";
import "./playback.css";

/** Options of {@link playbackView}. */
export interface PlaybackViewOptions {
  /** Accent colour of this run (e.g. its scenario's colour): title swatch and scrubber. Default `#0b5cad`. */
  color?: string;
  /** What is played, e.g. "Baseline — replication 1": title and accessible name. Default: the scenario's name. */
  label?: string;
}

/** A mounted playback: put `element` in the page; `destroy()` stops it and removes it. */
export interface PlaybackView {
  element: HTMLElement;
  destroy(): void;
  /** Shows simulated minute `t` (clamped to the recording). */
  setTime(t: number): void;
  play(): void;
  pause(): void;
}

/** Playback speeds, in simulated minutes per wall-clock second. */
const SPEEDS = [
  { value: 60, text: "1 hour per second" },
  { value: 360, text: "6 hours per second" },
  { value: 1440, text: "1 day per second" },
];
/** Closed incidents fade out over this many simulated minutes. */
const FADE_MINUTES = 60;
/** The live summary is re-announced at most this often (ms). */
const LIVE_INTERVAL_MS = 2000;
const INK = "#1b1b1b";

/**
 * The teaching playback of a recorded replication: a map of the grids with workers (colour
 * and shape by activity) and incidents (ring; star if urgent; dashed until discovered;
 * fading once closed), Play/Pause, speed, a time scrubber annotated with the peak backlog
 * and the first missed time limit, and a polite live summary as text alternative. Drawing
 * is a pure function of the time ({@link frameAt}); the animation loop only paces it.
 */
export function playbackView(playback: Playback, { color = "#0b5cad", label = playback.scenarioName }: PlaybackViewOptions = {}): PlaybackView {
  const { layout, frames, incidents: inc, annotations } = playback;
  const W = layout.workers;
  const end = frames.count > 0 ? frames.time[frames.count - 1] : 0;
  const root = d3.create("section").attr("class", "gg-playback").attr("tabindex", 0).attr("aria-label", `Playback: ${label}`);
  const title = root.append("div").attr("class", "gg-playback-title");
  title.append("span").attr("class", "gg-playback-swatch").attr("aria-hidden", "true").style("background", color);
  title.append("span").text(label);

  // ---------------------------------------------------------------- map and legend
  const body = root.append("div").attr("class", "gg-playback-body");
  const side = Math.min(layout.width, layout.height);
  const unit = Math.max(side / 250, Math.min(side / 25, Math.min(layout.cellWidth, layout.cellHeight) * 0.2));
  const svg = body
    .append("svg")
    .attr("class", "gg-playback-map")
    .attr("viewBox", `0 0 ${layout.width} ${layout.height}`)
    .attr("role", "img")
    .attr("aria-label", `Map of the district: ${layout.columns * layout.rows} grids, ${W} grid workers and the incidents open at the time shown`);
  svg
    .append("g")
    .attr("class", "gg-playback-grids")
    .selectAll("rect")
    .data(d3.range(layout.columns * layout.rows))
    .join("rect")
    .attr("class", "gg-playback-grid")
    .attr("x", (g) => (g % layout.columns) * layout.cellWidth)
    .attr("y", (g) => Math.floor(g / layout.columns) * layout.cellHeight)
    .attr("width", layout.cellWidth)
    .attr("height", layout.cellHeight)
    .attr("fill", "#f7f7f4")
    .attr("stroke", "#b5b5b5")
    .attr("stroke-width", 1)
    .attr("vector-effect", "non-scaling-stroke");
  const incidentLayer = svg.append("g").attr("class", "gg-playback-incidents");
  const workerPaths = ACTIVITY_STYLES.map((s) => d3.symbol(s.symbol, unit * unit)() ?? "");
  const workerNodes = svg
    .append("g")
    .attr("class", "gg-playback-workers")
    .selectAll<SVGPathElement, number>("path")
    .data(d3.range(W), (w) => w)
    .join("path")
    .attr("class", "gg-playback-worker")
    .attr("vector-effect", "non-scaling-stroke")
    .nodes();
  const ring = d3.symbol(d3.symbolCircle, (1.9 * unit) ** 2)() ?? "";
  const star = d3.symbol(d3.symbolStar, (2.4 * unit) ** 2)() ?? "";

  const legend = body.append("div").attr("class", "gg-playback-legend");
  legend.append("h4").text("Grid workers");
  const workerKey = legend.append("ul").attr("class", "gg-playback-legend-workers");
  for (const s of ACTIVITY_STYLES) {
    const li = workerKey.append("li").attr("data-activity", s.name);
    paintWorker(swatch(li).append("path").attr("d", d3.symbol(s.symbol, 90)()), s, 1);
    li.append("span").text(`${s.label} (${s.shape})`);
  }
  legend.append("h4").text("Incidents");
  const incidentKey = legend.append("ul").attr("class", "gg-playback-legend-incidents");
  const keys: Array<[string, string, number, string | null, number]> = [
    ["Open incident (ring)", d3.symbol(d3.symbolCircle, 150)() ?? "", 1.5, null, 1],
    // Smaller than the map's star, so that its points stay inside the swatch.
    ["Urgent incident (star)", d3.symbol(d3.symbolStar, 110)() ?? "", 2.5, null, 1],
    ["Not yet discovered (dashed)", d3.symbol(d3.symbolCircle, 150)() ?? "", 1.5, "3 2", 1],
    ["Closed in the last hour (fading)", d3.symbol(d3.symbolCircle, 150)() ?? "", 1.5, null, 0.35],
  ];
  for (const [text, d, width, dash, opacity] of keys) {
    const li = incidentKey.append("li");
    swatch(li).append("path").attr("d", d).attr("fill", "none").attr("stroke", INK).attr("stroke-width", width).attr("stroke-dasharray", dash).attr("opacity", opacity);
    li.append("span").text(text);
  }

  // ---------------------------------------------------------------- controls and timeline
  const controls = root.append("div").attr("class", "gg-playback-controls");
  const playButton = controls.append("button").attr("type", "button").attr("class", "gg-playback-play").text("Play");
  const speedLabel = controls.append("label").attr("class", "gg-playback-speed");
  speedLabel.append("span").text("Speed ");
  const speedSelect = speedLabel.append("select").attr("class", "gg-playback-speed-select");
  speedSelect.selectAll("option").data(SPEEDS).join("option").attr("value", (s) => s.value).text((s) => s.text);
  const timeText = controls.append("span").attr("class", "gg-playback-time");
  const timeline = root.append("div").attr("class", "gg-playback-timeline");
  const scrubLabel = timeline.append("label").attr("class", "gg-playback-scrub");
  scrubLabel.append("span").text("Time shown");
  const scrubber = scrubLabel
    .append("input")
    .attr("type", "range")
    .attr("class", "gg-playback-scrubber")
    .attr("min", 0)
    .attr("max", end)
    .attr("step", playback.sampleMinutes)
    .style("accent-color", color);
  const marks = timeline.append("div").attr("class", "gg-playback-marks").attr("aria-hidden", "true");
  const notes = timeline.append("ul").attr("class", "gg-playback-annotations");
  const at = (t: number) => `${end > 0 ? (100 * t) / end : 0}%`;
  const peak = annotations.peakBacklog;
  marks.append("span").attr("class", "gg-playback-mark gg-playback-mark--peak").style("left", at(peak.time)).text("Peak");
  notes
    .append("li")
    .append("button")
    .attr("type", "button")
    .attr("class", "gg-playback-jump gg-playback-jump--peak")
    .text(`Peak: ${peak.value} incidents open, found or not yet found, at ${formatClock(peak.time)}`)
    .on("click", () => setTime(peak.time));
  const miss = annotations.firstMissedLimit;
  if (miss && miss.time <= end) {
    marks.append("span").attr("class", "gg-playback-mark gg-playback-mark--missed").style("left", at(miss.time)).text("First missed limit");
    notes
      .append("li")
      .append("button")
      .attr("type", "button")
      .attr("class", "gg-playback-jump gg-playback-jump--missed")
      .text(`First missed time limit: ${formatClock(miss.time)}`)
      .on("click", () => setTime(miss.time));
  } else {
    notes.append("li").attr("class", "gg-playback-no-miss").text("No time limit missed in these days");
  }
  root.append("p").attr("class", "gg-playback-hint").text("Space plays or pauses while this panel has focus. On the time slider, arrow keys step 5 minutes and Page Up/Page Down one hour.");
  const live = root.append("p").attr("class", "gg-playback-summary").attr("aria-live", "polite");

  // ---------------------------------------------------------------- drawing
  let time = NaN;
  let shownIndex = -1;
  const shownX = new Float32Array(W).fill(NaN);
  const shownY = new Float32Array(W).fill(NaN);
  const shownActivity = new Int16Array(W).fill(-1);

  function drawWorkers(index: number): void {
    if (index === shownIndex || index < 0) return;
    shownIndex = index;
    for (let w = 0, k = index * W; w < W; w++, k++) {
      const node = workerNodes[w];
      const x = frames.x[k];
      const y = frames.y[k];
      if (x !== shownX[w] || y !== shownY[w]) {
        node.setAttribute("transform", `translate(${x.toFixed(1)},${y.toFixed(1)})`);
        shownX[w] = x;
        shownY[w] = y;
      }
      const a = frames.activity[k];
      if (a !== shownActivity[w]) {
        shownActivity[w] = a;
        node.setAttribute("d", workerPaths[a]);
        paintWorker(d3.select(node), ACTIVITY_STYLES[a], 0.75);
      }
    }
  }

  function drawIncidents(t: number, shown: number[]): void {
    incidentLayer
      .selectAll<SVGPathElement, number>("path")
      .data(shown, (r) => r)
      .join((enter) =>
        enter
          .append("path")
          .attr("class", (r) => (inc.urgent[r] ? "gg-playback-incident is-urgent" : "gg-playback-incident"))
          .attr("d", (r) => (inc.urgent[r] ? star : ring))
          .attr("transform", (r) => `translate(${inc.x[r].toFixed(1)},${inc.y[r].toFixed(1)})`)
          .attr("fill", "none")
          .attr("stroke", INK)
          .attr("stroke-width", (r) => (inc.urgent[r] ? 2.5 : 1.5))
          .attr("vector-effect", "non-scaling-stroke"),
      )
      .each(function (r) {
        // Only what changed is written: a state code per node (0 open and found, 1 not yet found, 2 closing).
        const closing = inc.closed[r] <= t;
        const state = closing ? "2" : inc.discovered[r] <= t ? "0" : "1";
        if (this.dataset.state !== state) {
          this.dataset.state = state;
          this.classList.toggle("is-closing", closing);
          this.classList.toggle("is-unseen", state === "1");
          if (state === "1") this.setAttribute("stroke-dasharray", "3 2");
          else this.removeAttribute("stroke-dasharray");
          if (!closing) this.removeAttribute("opacity");
        }
        if (closing) this.setAttribute("opacity", Math.max(0.1, 1 - (t - inc.closed[r]) / FADE_MINUTES).toFixed(2));
      });
  }

  function setTime(t: number): void {
    if (destroyed) return;
    const frame = frameAt(playback, t, FADE_MINUTES);
    if (frame.time === time) return;
    time = frame.time;
    const clock = formatClock(time);
    // The scrubber sits on the frame shown (its step is the sampling interval); its text gives the exact time.
    scrubber.property("value", String(frame.index >= 0 ? frames.time[frame.index] : 0)).attr("aria-valuetext", clock);
    timeText.text(clock);
    drawWorkers(frame.index);
    drawIncidents(time, frame.closing.length > 0 ? frame.open.concat(frame.closing) : frame.open);
    announce(summaryText(playback, frame), false);
  }

  // ---------------------------------------------------------------- live summary (throttled)
  let latest = "";
  let lastAnnounced = -Infinity;
  let pending: ReturnType<typeof setTimeout> | undefined;
  function announce(text: string, now: boolean): void {
    latest = text;
    const since = performance.now() - lastAnnounced;
    if (now || since >= LIVE_INTERVAL_MS) flush();
    else if (pending === undefined) pending = setTimeout(flush, LIVE_INTERVAL_MS - since);
  }
  function flush(): void {
    if (pending !== undefined) clearTimeout(pending);
    pending = undefined;
    lastAnnounced = performance.now();
    if (live.text() !== latest) live.text(latest);
  }

  // ---------------------------------------------------------------- pacing
  let speed = SPEEDS[0].value;
  let destroyed = false;
  const loop = playbackLoop((elapsedMs) => {
    const next = time + (elapsedMs / 1000) * speed;
    setTime(next);
    if (next >= end) {
      pause();
      return false;
    }
  });
  function play(): void {
    if (destroyed || loop.running) return;
    if (time >= end) setTime(startTime(playback));
    playButton.text("Pause");
    loop.start();
  }
  function pause(): void {
    loop.stop();
    if (destroyed) return;
    playButton.text("Play");
    announce(latest, true);
  }
  playButton.on("click", () => (loop.running ? pause() : play()));
  speedSelect.on("change", (e: Event) => (speed = Number((e.target as HTMLSelectElement).value)));
  scrubber.on("input", (e: Event) => setTime(Number((e.target as HTMLInputElement).value)));
  scrubber.on("keydown", (e: KeyboardEvent) => {
    if (e.key !== "PageUp" && e.key !== "PageDown") return;
    e.preventDefault();
    setTime(time + (e.key === "PageUp" ? 60 : -60));
  });
  root.on("keydown", (e: KeyboardEvent) => {
    if (e.key !== " " && e.key !== "Spacebar") return;
    if ((e.target as Element).closest("button, input, select, textarea, a")) return;
    e.preventDefault();
    if (loop.running) pause();
    else play();
  });

  setTime(startTime(playback));
  const element = root.node()!;
  return {
    element,
    setTime,
    play,
    pause,
    destroy() {
      loop.stop();
      destroyed = true;
      if (pending !== undefined) clearTimeout(pending);
      root.on("keydown", null);
      element.remove();
    },
  };
}

/** Minutes shown before the first worker comes on duty, to see the district wake up. */
const LEAD_IN_MINUTES = 30;

/**
 * Where the view starts (and play restarts): half an hour before the first worker is on
 * duty — not at midnight, when everyone is off duty and nothing would move for hours at
 * the default speed; 0 when someone is on duty from the start.
 */
export function startTime(playback: Playback): number {
  const { frames, layout } = playback;
  const W = layout.workers;
  const offDuty = ACTIVITIES.indexOf("offDuty");
  for (let f = 0; f < frames.count; f++) {
    for (let w = 0, k = f * W; w < W; w++, k++) {
      if (frames.activity[k] !== offDuty) return Math.max(0, frames.time[f] - LEAD_IN_MINUTES);
    }
  }
  return 0;
}

/** A 24 × 24 legend swatch in `li` (room for the star with its stroke), hidden from assistive technology (the text says it all). */
function swatch<D>(li: d3.Selection<HTMLLIElement, D, null, undefined>) {
  return li.append("svg").attr("width", 24).attr("height", 24).attr("viewBox", "-12 -12 24 24").attr("aria-hidden", "true");
}

/** Colours a worker symbol: filled with a dark outline, or (off duty: ×) stroked in the colour. */
function paintWorker<D>(sel: d3.Selection<SVGPathElement, D, null, undefined>, s: (typeof ACTIVITY_STYLES)[number], outline: number): void {
  sel
    .attr("data-activity", s.name)
    .attr("fill", s.hollow ? "none" : s.color)
    .attr("stroke", s.hollow ? s.color : INK)
    .attr("stroke-width", s.hollow ? 2 : outline);
}
