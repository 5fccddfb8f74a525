// @vitest-environment jsdom
import axe from "axe-core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ACTIVITIES } from "../../../sim/model/Workforce.js";
import { ACTIVITY_STYLES } from "../../../viz/playback/activityStyles.js";
import { formatClock } from "../../../viz/playback/formatClock.js";
import { frameAt } from "../../../viz/playback/frameAt.js";
import { playbackView, startTime, type PlaybackView } from "../../../viz/playback/playbackView.js";
import { summaryText } from "../../../viz/playback/summaryText.js";
import { teachingPlayback, tinyPlayback } from "./fixture.js";

const real = teachingPlayback();
let view: PlaybackView;

/** Animation frames are queued here and run by hand: tests step, they never wait. */
let queued = new Map<number, FrameRequestCallback>();
let nextHandle = 1;
function runFrame(now: number): void {
  const callbacks = [...queued.values()];
  queued = new Map();
  for (const cb of callbacks) cb(now);
}

beforeEach(() => {
  queued = new Map();
  vi.stubGlobal("requestAnimationFrame", vi.fn((cb: FrameRequestCallback) => (queued.set(nextHandle, cb), nextHandle++)));
  vi.stubGlobal("cancelAnimationFrame", vi.fn((h: number) => queued.delete(h)));
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
});
afterEach(() => {
  view?.destroy();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function mount(p = real, label?: string): HTMLElement {
  view = playbackView(p, { label, color: "#D55E00" });
  document.body.append(view.element);
  return view.element;
}
const q = <T extends Element>(root: Element, sel: string) => root.querySelector<T>(sel)!;

describe("playbackView", () => {
  it("setTime moves the scrubber, the time text and the incident markers to frameAt(t)", () => {
    const el = mount();
    const scrubber = q<HTMLInputElement>(el, "input[type=range]");
    for (const t of [0, 5, 515, real.annotations.peakBacklog.time, real.annotations.firstMissedLimit!.time, 1800, real.windowEnd]) {
      view.setTime(t);
      const f = frameAt(real, t);
      expect(Number(scrubber.value)).toBe(real.frames.time[f.index]);
      expect(scrubber.getAttribute("aria-valuetext")).toBe(formatClock(f.time));
      expect(q(el, ".gg-playback-time").textContent).toBe(formatClock(f.time));
      expect(el.querySelectorAll(".gg-playback-incident:not(.is-closing)").length).toBe(f.open.length);
      expect(el.querySelectorAll(".gg-playback-incident.is-closing").length).toBe(f.closing.length);
    }
    view.setTime(real.annotations.peakBacklog.time);
    expect(el.querySelectorAll(".gg-playback-incident:not(.is-closing)").length).toBe(real.annotations.peakBacklog.value);
  });

  it("draws workers where the frame puts them, with their activity", () => {
    const el = mount();
    view.setTime(600);
    const f = frameAt(real, 600);
    const W = real.layout.workers;
    const workers = [...el.querySelectorAll(".gg-playback-worker")];
    expect(workers).toHaveLength(W);
    workers.forEach((node, w) => {
      expect(node.getAttribute("data-activity")).toBe(ACTIVITIES[real.frames.activity[f.index * W + w]]);
      expect(node.getAttribute("transform")).toBe(`translate(${real.frames.x[f.index * W + w].toFixed(1)},${real.frames.y[f.index * W + w].toFixed(1)})`);
    });
  });

  it("distinguishes urgent (star), undiscovered (dashed) and closing (fading) incidents", () => {
    const el = mount(tinyPlayback());
    view.setTime(20);
    const markers = [...el.querySelectorAll<SVGPathElement>(".gg-playback-incident")];
    const urgent = markers.filter((m) => m.classList.contains("is-urgent"));
    expect(urgent).toHaveLength(1);
    expect(urgent[0].classList.contains("is-unseen")).toBe(true);
    expect(urgent[0].getAttribute("stroke-dasharray")).toBe("3 2");
    expect(urgent[0].getAttribute("d")).not.toBe(markers.find((m) => m !== urgent[0])!.getAttribute("d"));
    const closing = el.querySelectorAll(".is-closing");
    expect(closing).toHaveLength(2);
    view.setTime(35);
    expect(urgent[0].isConnected).toBe(true); // the same element, updated, not rebuilt
    expect(urgent[0].classList.contains("is-unseen")).toBe(false);
    expect(urgent[0].hasAttribute("stroke-dasharray")).toBe(false);
  });

  it("gives every control an accessible name and passes axe's checks", async () => {
    const el = mount(real, "Teaching district, replication 1");
    const button = q<HTMLButtonElement>(el, "button.gg-playback-play");
    const select = q<HTMLSelectElement>(el, "select");
    const range = q<HTMLInputElement>(el, "input[type=range]");
    expect(button.textContent).toBe("Play");
    expect(select.labels![0].textContent).toContain("Speed");
    expect([...select.options].map((o) => o.textContent)).toEqual(["1 hour per second", "6 hours per second", "1 day per second"]);
    expect(range.labels![0].textContent).toContain("Time shown");
    expect(el.getAttribute("aria-label")).toBe("Playback: Teaching district, replication 1");
    expect(q(el, "svg.gg-playback-map").getAttribute("aria-label")).toBe(
      `Map of the district: ${real.layout.columns * real.layout.rows} grids, ${real.layout.workers} grid workers and the incidents open at the time shown`,
    );
    vi.useRealTimers();
    const results = await axe.run(el, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] }, rules: { "color-contrast": { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  it("marks the peak backlog and the first missed time limit on the timeline, in words", () => {
    const el = mount();
    const marks = [...el.querySelectorAll(".gg-playback-mark")].map((m) => m.textContent);
    expect(marks).toEqual(["Peak", "First missed limit"]);
    const jumps = [...el.querySelectorAll<HTMLButtonElement>(".gg-playback-jump")];
    const peak = real.annotations.peakBacklog;
    expect(jumps[0].textContent).toBe(`Peak: ${peak.value} incidents open, found or not yet found, at ${formatClock(peak.time)}`);
    jumps[1].click();
    expect(q(el, ".gg-playback-time").textContent).toBe(formatClock(real.annotations.firstMissedLimit!.time));
    const left = (q<HTMLElement>(el, ".gg-playback-mark--peak").style.left);
    expect(parseFloat(left)).toBeCloseTo((100 * peak.time) / real.windowEnd);
  });

  it("lists every activity in the legend as text, each with its own shape and colour", () => {
    const el = mount();
    const items = [...el.querySelectorAll(".gg-playback-legend-workers li")];
    expect(items.map((li) => li.getAttribute("data-activity"))).toEqual([...ACTIVITIES]);
    ACTIVITY_STYLES.forEach((s, k) => expect(items[k].textContent).toBe(`${s.label} (${s.shape})`));
    expect(new Set(ACTIVITY_STYLES.map((s) => s.shape)).size).toBe(ACTIVITIES.length);
    expect(new Set(ACTIVITY_STYLES.map((s) => s.color)).size).toBe(ACTIVITIES.length);
    expect(el.querySelector(".gg-playback-legend-incidents")!.textContent).toMatch(/Urgent incident \(star\)/);
  });

  it("starts half an hour before the first worker comes on duty, not at midnight with everyone at home", () => {
    const start = startTime(real);
    const W = real.layout.workers;
    const offDuty = ACTIVITIES.indexOf("offDuty");
    const first = Array.from({ length: real.frames.count }, (_, f) => f).find((f) => Array.from(real.frames.activity.subarray(f * W, (f + 1) * W)).some((a) => a !== offDuty))!;
    // The teaching district's shifts start at 08:30.
    expect(formatClock(real.frames.time[first])).toBe("Day 1, 08:30");
    expect(start).toBe(real.frames.time[first] - 30);
    const el = mount();
    expect(q(el, ".gg-playback-time").textContent).toBe("Day 1, 08:00");
    expect(Number(q<HTMLInputElement>(el, "input[type=range]").value)).toBe(start);
  });

  it("plays in simulated time paced by animation frames, and stops at the end", () => {
    const el = mount();
    const button = q<HTMLButtonElement>(el, "button.gg-playback-play");
    button.click();
    expect(button.textContent).toBe("Pause");
    runFrame(1000);
    runFrame(1100); // 0.1 s at 1 hour per second: 6 minutes
    expect(q(el, ".gg-playback-time").textContent).toBe(formatClock(startTime(real) + 6));
    const select = q<HTMLSelectElement>(el, "select");
    select.value = "1440";
    select.dispatchEvent(new Event("change"));
    for (let k = 1; k <= 20; k++) runFrame(1100 + 250 * k);
    expect(q(el, ".gg-playback-time").textContent).toBe(formatClock(real.windowEnd));
    expect(button.textContent).toBe("Play");
    expect(queued.size).toBe(0);
  });

  it("space toggles play when the view itself has focus, not when a control does", () => {
    const el = mount();
    const button = q<HTMLButtonElement>(el, "button.gg-playback-play");
    el.focus();
    el.dispatchEvent(new KeyboardEvent("keydown", { key: " ", bubbles: true }));
    expect(button.textContent).toBe("Pause");
    el.dispatchEvent(new KeyboardEvent("keydown", { key: " ", bubbles: true }));
    expect(button.textContent).toBe("Play");
    q(el, "select").dispatchEvent(new KeyboardEvent("keydown", { key: " ", bubbles: true }));
    expect(button.textContent).toBe("Play");
  });

  it("Page Up and Page Down on the scrubber move an hour", () => {
    const el = mount();
    view.setTime(600);
    q(el, "input[type=range]").dispatchEvent(new KeyboardEvent("keydown", { key: "PageUp", bubbles: true }));
    expect(q(el, ".gg-playback-time").textContent).toBe("Day 1, 11:00");
  });

  it("announces a throttled summary politely", () => {
    const el = mount();
    const live = q(el, ".gg-playback-summary");
    expect(live.getAttribute("aria-live")).toBe("polite");
    const start = startTime(real);
    expect(live.textContent).toBe(summaryText(real, frameAt(real, start)));
    view.setTime(515);
    view.setTime(520);
    expect(live.textContent).toBe(summaryText(real, frameAt(real, start)));
    vi.advanceTimersByTime(2000);
    expect(live.textContent).toBe(summaryText(real, frameAt(real, 520)));
    expect(live.textContent).toMatch(/^Day 1, 08:40 — \d+ workers? on duty, \d+ incidents? open$/);
  });

  it("destroy stops the loop and removes the view", () => {
    const el = mount();
    view.play();
    runFrame(0);
    expect(queued.size).toBe(1);
    const timeText = q(el, ".gg-playback-time").textContent;
    view.destroy();
    expect(cancelAnimationFrame).toHaveBeenCalled();
    expect(queued.size).toBe(0);
    expect(el.isConnected).toBe(false);
    view.setTime(900);
    expect(q(el, ".gg-playback-time").textContent).toBe(timeText);
  });
});
