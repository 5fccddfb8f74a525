import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXERCISES, exerciseLink, LOCAL_URL } from "../../scripts/teaching-links.js";
import { formFields } from "../../viz/form/formFields.js";
import { decodeShareState, resolveShareState } from "../../viz/share/index.js";
import { LABEL_PATHS } from "../../viz/share/lockedPaths.js";

/** The shipped presets, id (file name without `.json`) → scenario data, as viz/app/presets.ts bundles them. */
const PRESETS: Record<string, unknown> = Object.fromEntries(
  readdirSync(join(process.cwd(), "scenarios"))
    .filter((f) => f.endsWith(".json"))
    .map((f) => [f.replace(/\.json$/, ""), JSON.parse(readFileSync(join(process.cwd(), "scenarios", f), "utf8")) as unknown]),
);

const doc = readFileSync(join(process.cwd(), "docs", "teaching.md"), "utf8");
/** Every share payload in the doc (a `#share=` followed by at least one base64url character). */
const payloads = [...doc.matchAll(/#share=([A-Za-z0-9_-]+)/g)].map((m) => m[1]);
/** Every whole link in the doc that carries a share payload. */
const links = [...doc.matchAll(/https?:\/\/[^\s()<>"'`[\]]*#share=[A-Za-z0-9_-]+/g)].map((m) => m[0]);
const fieldPaths = formFields().map((f) => f.path);

describe("docs/teaching.md", () => {
  it("has one share link per exercise, each a whole link", () => {
    expect(payloads.length).toBe(EXERCISES.length);
    expect(links.length).toBe(payloads.length);
  });

  it("gives exactly the links of scripts/teaching-links.ts, in order (run `npx tsx scripts/teaching-links.ts` after changing an exercise)", () => {
    expect(links).toEqual(EXERCISES.map((e) => exerciseLink(e.state)));
    for (const link of links) expect(link.startsWith(`${LOCAL_URL}#share=`)).toBe(true);
  });

  it.each(payloads.map((p, i) => [i + 1, p] as const))("link %i decodes and resolves against the shipped presets into valid scenarios with a lesson", (_, payload) => {
    const decoded = decodeShareState(payload, PRESETS);
    if (!decoded.ok) throw new Error(decoded.error);
    const resolved = resolveShareState(decoded.state, PRESETS);
    if (!resolved.ok) throw new Error(resolved.error);
    expect(resolved.scenarios.length).toBeGreaterThanOrEqual(2);
    expect(resolved.replications).toBeGreaterThanOrEqual(2);
    const lesson = resolved.lesson;
    expect(lesson).not.toBeNull();
    expect(lesson!.title.trim()).not.toBe("");
    expect(lesson!.question.trim()).not.toBe("");
    expect(lesson!.editable?.length ?? 0).toBeGreaterThan(0);
    // Everything except the lesson's editable fields and the labels (name, description) is locked.
    for (const path of [...lesson!.editable!, ...LABEL_PATHS]) expect(resolved.locked).not.toContain(path);
    expect(resolved.locked.length).toBe(fieldPaths.length - lesson!.editable!.length - LABEL_PATHS.length);
  });
});

describe("scripts/teaching-links.ts", () => {
  it.each(EXERCISES.map((e) => [e.id, e] as const))("%s: editable fields and changed fields exist in the scenario schema", (_, exercise) => {
    for (const path of exercise.state.lesson?.editable ?? []) expect(fieldPaths, `editable field ${path}`).toContain(path);
    for (const entry of exercise.state.scenarios) {
      if (!("preset" in entry)) continue;
      expect(Object.keys(PRESETS)).toContain(entry.preset);
      for (const path of Object.keys(entry.changes ?? {})) {
        expect(fieldPaths, `changed field ${path}`).toContain(path);
        // Students can undo or vary the lesson's change: it is one of the editable fields.
        expect(exercise.state.lesson?.editable, `changed field ${path}`).toContain(path);
      }
    }
  });
});
