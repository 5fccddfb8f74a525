/**
 * Generates docs/scenario-fields.md — the table of every scenario field with its
 * type, default and description — from the zod schema, the single source of truth.
 * Run: npx tsx scripts/scenario-fields.ts (a test checks the file is up to date).
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { scenarioFieldsMarkdown } from "./scenarioFieldsMarkdown.js";

const target = fileURLToPath(new URL("../docs/scenario-fields.md", import.meta.url));
writeFileSync(target, scenarioFieldsMarkdown());
process.stdout.write(`wrote ${target}\n`);
