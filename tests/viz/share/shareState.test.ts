import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadScenarioData } from "../../../sim/experiments/loadScenario.js";
import { parseSeed } from "../../../sim/experiments/parseSeed.js";
import { parseScenario } from "../../../sim/scenario/parseScenario.js";
import { setPath } from "../../../viz/form/setPath.js";
import { encodeBase64Url } from "../../../viz/share/base64url.js";
import { decodeShareState } from "../../../viz/share/decodeShareState.js";
import { encodeShareState, tryEncodeShareState } from "../../../viz/share/encodeShareState.js";
import { MAX_SHARE_LENGTH, type ShareState } from "../../../viz/share/shareStateSchema.js";
import { shareUrl } from "../../../viz/share/shareUrl.js";
import { PRESETS } from "./presets.js";

const teaching = PRESETS["teaching-small"] as Record<string, unknown>;

const lessonState: ShareState = {
  v: 1,
  scenarios: [
    { preset: "teaching-small" },
    { preset: "teaching-small", name: "更小的网格 (smaller grids)", changes: { "grids.householdsPerGrid": 200, "dispatch.policy": "nearest" } },
    { scenario: { ...teaching, name: "网格员加倍 — 街道", staffing: { workersPerGrid: 2 } } },
  ],
  seed: "种子-7",
  replications: 5,
  lesson: { title: "网格大小", question: "What happens to travel time when grids shrink? 会怎样？", editable: ["grids.householdsPerGrid"] },
};

/** The raw payload of any JSON value, bypassing the encoder's checks. */
const raw = (value: unknown) => encodeBase64Url(JSON.stringify(value));

function expectError(result: ReturnType<typeof decodeShareState>, pattern: RegExp): void {
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error).toMatch(pattern);
}

describe("share links", () => {
  it("round-trips a lesson with Chinese names losslessly, through the payload and the full URL", () => {
    const payload = encodeShareState(lessonState);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeShareState(payload)).toEqual({ ok: true, state: lessonState });
    expect(decodeShareState(payload, PRESETS)).toEqual({ ok: true, state: lessonState });
    const url = shareUrl("https://example.org/gridgov/?x=1#share=old", lessonState);
    expect(url).toBe(`https://example.org/gridgov/?x=1#share=${payload}`);
    expect(decodeShareState(url)).toEqual({ ok: true, state: lessonState });
    expect(decodeShareState(`#share=${payload}`)).toEqual({ ok: true, state: lessonState });
  });

  it("sends a removed optional field as null", () => {
    const state: ShareState = { v: 1, scenarios: [{ preset: "teaching-small", changes: { "incidents.ratePerHour": undefined } }], seed: 1, replications: 2 };
    const decoded = decodeShareState(encodeShareState(state));
    expect(decoded).toEqual({ ok: true, state: { ...state, scenarios: [{ preset: "teaching-small", changes: { "incidents.ratePerHour": null } }] } });
  });

  it("keeps script in names as inert text", () => {
    const name = '<img src=x onerror="globalThis.__pwned=1"><script>globalThis.__pwned=1</script>';
    const state: ShareState = { v: 1, scenarios: [{ scenario: { ...teaching, name } }], seed: 1, replications: 2 };
    const decoded = decodeShareState(encodeShareState(state), PRESETS);
    expect(decoded.ok && (decoded.state.scenarios[0] as { scenario: { name: string } }).scenario.name).toBe(name);
    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
  });

  it("refuses garbage, non-JSON and wrong shapes with a message, never throwing", () => {
    expectError(decodeShareState("not-a-valid-link!!"), /expected only the characters/);
    expectError(decodeShareState(""), /empty/);
    expectError(decodeShareState(encodeBase64Url("hello {")), /expected JSON/);
    expectError(decodeShareState(raw([1, 2])), /set-up object/);
    expectError(decodeShareState(raw(null)), /set-up object/);
    expectError(decodeShareState(raw({ v: 1, scenarios: [], seed: 1, replications: 2 })), /^scenarios: /);
    expectError(decodeShareState(raw({ v: 1, scenarios: [{ preset: "teaching-small" }], seed: 1, replications: 0 })), /^replications: /);
    expectError(decodeShareState(raw({ v: 1, scenarios: [{ preset: "teaching-small" }], seed: -1, replications: 2 })), /^seed/);
    // Seeds the command line refuses, so that every link's run can be repeated with gridgov run --seed.
    for (const seed of ["1.5", " 7 ", "99999999999999999999", "0x10", ""]) {
      expectError(decodeShareState(raw({ v: 1, scenarios: [{ preset: "teaching-small" }], seed, replications: 2 })), /^seed: /);
    }
    // One replication gives no interval: the page needs two.
    expectError(decodeShareState(raw({ v: 1, scenarios: [{ preset: "teaching-small" }], seed: 1, replications: 1 })), /^replications: /);
    expectError(decodeShareState(raw({ v: 1, scenarios: new Array(9).fill({ preset: "teaching-small" }), seed: 1, replications: 2 })), /^scenarios: .*8/);
    expectError(decodeShareState(raw({ v: 1, scenarios: [{ preset: 5 }], seed: 1, replications: 2 })), /^scenarios\[0\]\.preset: expected string/);
    expectError(decodeShareState(raw({ v: 1, scenarios: [{ preset: "a", extra: 1 }], seed: 1, replications: 2 })), /^scenarios\[0\]: Unrecognized key/);
    expectError(decodeShareState(raw({ v: 1, scenarios: [{ scenario: "x" }], seed: 1, replications: 2 })), /^scenarios\[0\]\.scenario: expected a scenario object/);
    expectError(decodeShareState(raw({ v: 1, scenarios: [{ preset: "a" }], seed: 1, replications: 2, lesson: { title: "t".repeat(201), question: "q" } })), /^lesson\.title/);
    expect(() => decodeShareState(42 as unknown as string)).not.toThrow();
    expectError(decodeShareState(42 as unknown as string), /expected the text/);
  });

  it("refuses a truncated link", () => {
    const payload = encodeShareState(lessonState);
    for (const cut of [1, 2, 3, 10, Math.floor(payload.length / 2)]) {
      expect(decodeShareState(payload.slice(0, payload.length - cut)).ok, `cut ${cut}`).toBe(false);
    }
  });

  it("refuses another version", () => {
    expectError(decodeShareState(raw({ ...lessonState, v: 2 })), /expected a version 1 share link, found version 2/);
    expectError(decodeShareState(raw({ scenarios: [] })), /found no version/);
  });

  it("refuses an unknown preset when presets are given", () => {
    const payload = encodeShareState({ v: 1, scenarios: [{ preset: "no-such-preset" }], seed: 1, replications: 2 });
    expect(decodeShareState(payload).ok).toBe(true);
    expectError(decodeShareState(payload, PRESETS), /scenario 1: unknown preset "no-such-preset"; expected one of: .*teaching-small/);
  });

  it("refuses an invalid change with the schema's message and its path", () => {
    const payload = encodeShareState({ v: 1, scenarios: [{ preset: "teaching-small" }, { preset: "teaching-small", changes: { "staffing.workersPerGrid": -1 } }], seed: 1, replications: 2 });
    const expected = parseScenario(setPath(teaching, "staffing.workersPerGrid", -1));
    if (expected.ok) throw new Error("expected invalid");
    const message = expected.issues[0].message;
    expectError(decodeShareState(payload, PRESETS), new RegExp(`^scenario 2 .*staffing\\.workersPerGrid: ${message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    const unknownField = encodeShareState({ v: 1, scenarios: [{ preset: "teaching-small", changes: { "staffing.wrokers": 2 } }], seed: 1, replications: 2 });
    expectError(decodeShareState(unknownField, PRESETS), /staffing: unknown field "wrokers"/);
    const whole = encodeShareState({ v: 1, scenarios: [{ scenario: { ...teaching, run: { days: -3 } } }], seed: 1, replications: 2 });
    expectError(decodeShareState(whole, PRESETS), /^scenario 1: run\.days: /);
  });

  it("refuses links that are too long before decoding them", () => {
    expectError(decodeShareState("A".repeat(MAX_SHARE_LENGTH + 1)), /at most 16384 characters, found 16385/);
    const huge = "A".repeat(20_000_000);
    const started = performance.now();
    expectError(decodeShareState(huge), /at most/);
    expect(performance.now() - started).toBeLessThan(500);
    const long: ShareState = { v: 1, scenarios: new Array(8).fill({ scenario: { ...teaching, description: "描".repeat(5000) } }), seed: 1, replications: 2 };
    expect(tryEncodeShareState(long)).toMatchObject({ ok: false, error: expect.stringMatching(/at most 16384 characters/) });
    expect(() => encodeShareState(long)).toThrow(RangeError);
  });

  it("refuses __proto__ and constructor keys anywhere, and does not pollute Object.prototype", () => {
    const hostile = [
      '{"v":1,"scenarios":[{"preset":"teaching-small"}],"seed":1,"replications":2,"__proto__":{"polluted":"yes"}}',
      '{"v":1,"scenarios":[{"preset":"teaching-small","changes":{"__proto__.polluted":"yes"}}],"seed":1,"replications":2}',
      '{"v":1,"scenarios":[{"preset":"teaching-small","changes":{"staffing.skill":{"__proto__":{"polluted":"yes"}}}}],"seed":1,"replications":2}',
      '{"v":1,"scenarios":[{"scenario":{"schemaVersion":1,"name":"x","__proto__":{"polluted":"yes"}}}],"seed":1,"replications":2}',
      '{"v":1,"scenarios":[{"preset":"teaching-small","changes":{"constructor.prototype.polluted":"yes"}}],"seed":1,"replications":2}',
    ];
    for (const json of hostile) {
      const result = decodeShareState(encodeBase64Url(json), PRESETS);
      expect(result.ok, json).toBe(false);
      if (!result.ok) expect(result.error, json).toMatch(/"(__proto__|constructor)"|prototype/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("refuses hostile nesting without overflowing the stack", () => {
    const deep = `{"v":1,"scenarios":[{"preset":"teaching-small","changes":{"staffing.skill":${"[".repeat(5000)}${"]".repeat(5000)}}}],"seed":1,"replications":2}`;
    expectError(decodeShareState(encodeBase64Url(deep).slice(0, MAX_SHARE_LENGTH)), /./);
    const nested = `{"v":1,"scenarios":[{"preset":"teaching-small","changes":{"staffing.skill":${"[".repeat(40)}${"]".repeat(40)}}}],"seed":1,"replications":2}`;
    expectError(decodeShareState(encodeBase64Url(nested)), /nested at most/);
  });
});

// ----- property: encode → decode is the identity on valid states -----

const PRESET_IDS = Object.keys(PRESETS);
const name = fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 });
const change = fc.oneof(
  // 0 is out of range: some generated links must be refused.
  fc.record({ path: fc.constant("staffing.workersPerGrid"), value: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ path: fc.constant("staffing.vacancyRate"), value: fc.integer({ min: 0, max: 50 }).map((k) => k / 100) }),
  fc.record({ path: fc.constant("dispatch.policy"), value: fc.constantFrom("ownGrid", "communityPool", "nearest") }),
  fc.record({ path: fc.constant("residents.feedback"), value: fc.boolean() }),
  fc.record({ path: fc.constant("admin.dailyTaskHours"), value: fc.integer({ min: 0, max: 40 }).map((k) => k / 10) }),
  fc.record({ path: fc.constant("run.days"), value: fc.integer({ min: 5, max: 30 }) }),
  fc.record({ path: fc.constant("intake.delay"), value: fc.integer({ min: 1, max: 60 }).map((mean) => ({ type: "exponential", mean })) }),
);
const presetEntry = fc.record(
  {
    preset: fc.constantFrom(...PRESET_IDS),
    changes: fc.array(change, { maxLength: 4 }).map((cs) => Object.fromEntries(cs.map((c) => [c.path, c.value]))),
    name,
  },
  { requiredKeys: ["preset"] },
);
const scenarioEntry = name.map((n) => ({ scenario: { ...teaching, name: n } }));
const fieldPaths = fc.constantFrom("staffing", "staffing.workersPerGrid", "grids.householdsPerGrid", "dispatch", "run.days");
const stateArb: fc.Arbitrary<ShareState> = fc.record(
  {
    v: fc.constant(1 as const),
    scenarios: fc.array(fc.oneof(presetEntry, scenarioEntry), { minLength: 1, maxLength: 8 }),
    seed: fc.oneof(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }).filter((t) => parseSeed(t).ok)),
    replications: fc.integer({ min: 2, max: 200 }),
    lesson: fc.record(
      { title: name, question: fc.string({ unit: "grapheme", minLength: 1, maxLength: 200 }), locked: fc.array(fieldPaths, { maxLength: 3 }), editable: fc.array(fieldPaths, { maxLength: 3 }) },
      { requiredKeys: ["title", "question"] },
    ),
  },
  { requiredKeys: ["v", "scenarios", "seed", "replications"] },
);

/** Whether one link entry, built on its own from the preset file, is a runnable scenario. */
function entryIsRunnable(entry: ShareState["scenarios"][number]): boolean {
  if (!("preset" in entry)) return loadScenarioData(entry.scenario).ok;
  let data: unknown = PRESETS[entry.preset];
  for (const [path, value] of Object.entries(entry.changes ?? {})) data = setPath(data, path, value);
  if (entry.name !== undefined) data = setPath(data, "name", entry.name);
  return loadScenarioData(data).ok;
}

describe("share link property", () => {
  it("decode(encode(state)) is state, for generated valid states", () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        expect(decodeShareState(encodeShareState(state))).toEqual({ ok: true, state });
      }),
      { numRuns: 100 },
    );
  });

  it("with the presets, a link opens exactly when every scenario in it is runnable, else names the first that is not", () => {
    let opened = 0;
    let refused = 0;
    fc.assert(
      fc.property(stateArb, (state) => {
        const result = decodeShareState(encodeShareState(state), PRESETS);
        const firstBad = state.scenarios.findIndex((entry) => !entryIsRunnable(entry));
        if (firstBad < 0) {
          opened++;
          expect(result).toEqual({ ok: true, state });
        } else {
          refused++;
          expectError(result, new RegExp(`^scenario ${firstBad + 1}\\b`));
        }
      }),
      { numRuns: 100 },
    );
    // Both branches must be exercised, or the property says nothing about one of them.
    expect(opened).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});
