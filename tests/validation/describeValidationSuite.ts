import { describe, expect, it } from "vitest";
import { CASE_CONFIDENCE, FAMILY_ALPHA, TEST_REPLICATIONS, VALIDATION_CASES, VALIDATION_SEED, type ValidationCase } from "../../scripts/validation/cases.js";
import { runCase } from "../../scripts/validation/runCase.js";

/**
 * Defines the tests of every validation case of `suite`: each case runs
 * {@link TEST_REPLICATIONS} independent replications and theory must lie in the
 * Student-t interval of their means.
 *
 * The tolerance is the sampling error, not a tuned margin: the interval's two-sided
 * level is Bonferroni-corrected over all cases of all suites, 1 − FAMILY_ALPHA / k
 * (k = VALIDATION_CASES.length, FAMILY_ALPHA = 0.01, so about 99.9 %), so a correct
 * engine fails some case by chance with probability at most 1 %. The seed is fixed,
 * so a given engine passes or fails deterministically. A second test per case checks
 * that the same interval excludes plausible wrong answers, i.e. that the run is long
 * enough for the first test to mean something.
 */
export function describeValidationSuite(suite: ValidationCase["suite"]): void {
  const cases = VALIDATION_CASES.filter((c) => c.suite === suite);
  const level = CASE_CONFIDENCE;
  describe(`${suite} validation (${TEST_REPLICATIONS} replications, ${(100 * level).toFixed(2)} % intervals, family α ${FAMILY_ALPHA})`, () => {
    for (const c of cases) {
      const outcome = () => runCase(c, TEST_REPLICATIONS, VALIDATION_SEED, level);
      it(c.name, () => {
        const o = outcome();
        expect(o.theory).toBeGreaterThanOrEqual(o.bounds[0]);
        expect(o.theory).toBeLessThanOrEqual(o.bounds[1]);
      });
      it(`${c.name}: the interval is narrow enough to reject plausible wrong answers`, () => {
        const o = outcome();
        expect(o.rivals.length).toBeGreaterThan(0);
        for (const r of o.rivals) {
          expect(r.excluded, `${r.label} = ${r.value} lies in [${o.bounds[0]}, ${o.bounds[1]}]`).toBe(true);
        }
      });
    }
  });
}
