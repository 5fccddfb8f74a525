import { z } from "zod";
import type { DistributionSpec } from "../kernel/distribution.js";

const nonNegative = z.number().finite().min(0);
const positive = z.number().finite().positive();

/**
 * A distribution of a duration in minutes, selected by `type`. Lognormal and gamma
 * are given by their mean and coefficient of variation (sd / mean).
 */
export const distributionSchema = z
  .discriminatedUnion("type", [
    z.strictObject({ type: z.literal("exponential"), mean: positive.describe("mean (minutes)") }),
    z.strictObject({ type: z.literal("deterministic"), value: nonNegative.describe("the constant value (minutes)") }),
    z.strictObject({
      type: z.literal("uniform"),
      min: nonNegative.describe("lower bound (minutes)"),
      max: nonNegative.describe("upper bound (minutes)"),
    }),
    z.strictObject({
      type: z.literal("lognormal"),
      mean: positive.describe("mean (minutes)"),
      cv: nonNegative.describe("coefficient of variation, sd / mean"),
    }),
    z.strictObject({
      type: z.literal("gamma"),
      mean: positive.describe("mean (minutes)"),
      cv: nonNegative.describe("coefficient of variation, sd / mean"),
    }),
    z.strictObject({
      type: z.literal("triangular"),
      min: nonNegative.describe("lower bound (minutes)"),
      mode: nonNegative.describe("most likely value (minutes)"),
      max: nonNegative.describe("upper bound (minutes)"),
    }),
    z.strictObject({
      type: z.literal("empirical"),
      values: z.array(nonNegative).min(1).describe("possible values (minutes)"),
      weights: z.array(nonNegative).min(1).describe("relative weight of each value"),
    }),
  ])
  .superRefine((d, ctx) => {
    if (d.type === "uniform" && d.min > d.max) {
      ctx.addIssue({ code: "custom", path: ["max"], message: `expected max ≥ min (${d.min}), found ${d.max}` });
    }
    if (d.type === "triangular" && !(d.min <= d.mode && d.mode <= d.max)) {
      ctx.addIssue({
        code: "custom",
        path: ["mode"],
        message: `expected min ≤ mode ≤ max, found min ${d.min}, mode ${d.mode}, max ${d.max}`,
      });
    }
    if (d.type === "empirical") {
      if (d.values.length !== d.weights.length) {
        ctx.addIssue({
          code: "custom",
          path: ["weights"],
          message: `expected one weight per value (${d.values.length}), found ${d.weights.length}`,
        });
      } else if (!(d.weights.reduce((a, b) => a + b, 0) > 0)) {
        ctx.addIssue({ code: "custom", path: ["weights"], message: "expected weights with a positive sum, found all zero" });
      }
    }
  })
  .describe("a distribution of minutes: exponential, deterministic, uniform, lognormal, gamma, triangular or empirical");

// The schema's output must be usable wherever the kernel expects a DistributionSpec.
export type Distribution = z.output<typeof distributionSchema>;
const _compatible: (d: Distribution) => DistributionSpec = (d) => d;
void _compatible;
