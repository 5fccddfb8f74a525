import { z } from "zod";
import { parseSeed, SEED_RULE } from "../../sim/experiments/parseSeed.js";
import { FORBIDDEN_KEYS } from "../form/pathSegments.js";

/** The version of the share-link format this page reads. */
export const SHARE_VERSION = 1;
/** Longest accepted share payload (base64url characters after `#share=`). */
export const MAX_SHARE_LENGTH = 16_384;
/** Most scenarios one link may compare. */
export const MAX_SHARE_SCENARIOS = 8;
/** Most changes to one preset, and most paths in a lesson's lists. */
export const MAX_SHARE_PATHS = 200;

const fieldPath = z
  .string()
  .max(200)
  .regex(/^[A-Za-z][A-Za-z0-9]{0,63}(\.([A-Za-z][A-Za-z0-9]{0,63}|\d{1,3}))*$/, 'expected a field path like "staffing.workersPerGrid"')
  .refine((p) => !p.split(".").some((seg) => FORBIDDEN_KEYS.has(seg)), "expected a field path without prototype keys");

const presetEntrySchema = z.strictObject({
  /** Id of a shipped scenario (file name without `.json`). */
  preset: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, "expected a preset id such as \"teaching-small\""),
  /** Field path → new value, applied to the preset; `null` removes an optional field. */
  changes: z
    .record(fieldPath, z.unknown())
    .refine((r) => Object.keys(r).length <= MAX_SHARE_PATHS, `expected at most ${MAX_SHARE_PATHS} changes`)
    .optional(),
  /** A new name for the changed preset. */
  name: z.string().min(1).max(200).optional(),
});

const scenarioEntrySchema = z.strictObject({
  /** A whole scenario (as in a scenario file), validated against the scenario schema on resolving. */
  scenario: z.custom<object>((v) => v !== null && typeof v === "object" && !Array.isArray(v), "expected a scenario object"),
});

/** A lesson: a question for students, and which fields they may change. */
export const lessonSchema = z.strictObject({
  title: z.string().min(1).max(200),
  question: z.string().min(1).max(2000),
  /** Field paths (or sections) students cannot change. */
  locked: z.array(fieldPath).max(MAX_SHARE_PATHS).optional(),
  /** When given, the only field paths (or sections) students may change; everything else is locked. */
  editable: z.array(fieldPath).max(MAX_SHARE_PATHS).optional(),
});

/** Everything a share link carries: the scenarios compared, the run settings and an optional lesson. */
export const shareStateSchema = z.strictObject({
  v: z.literal(SHARE_VERSION),
  scenarios: z.array(z.union([presetEntrySchema, scenarioEntrySchema])).min(1).max(MAX_SHARE_SCENARIOS),
  seed: z.union([
    z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    z.string().refine((text) => parseSeed(text).ok, `expected ${SEED_RULE}`),
  ]),
  // At least 2: the page's intervals need two replications.
  replications: z.number().int().min(2).max(200),
  lesson: lessonSchema.optional(),
});

export type PresetEntry = z.output<typeof presetEntrySchema>;
export type ScenarioEntry = z.output<typeof scenarioEntrySchema>;
export type Lesson = z.output<typeof lessonSchema>;
export type ShareState = z.output<typeof shareStateSchema>;
