export { changedPaths } from "./changedPaths.js";
export { formFields, formSections, type FieldKind, type FieldSpec, type SectionSpec } from "./formFields.js";
export { getPath } from "./getPath.js";
export { labelFromKey } from "./labelFromKey.js";
export { matchesPath } from "./matchesPath.js";
export { plainIssue, type PlainField } from "./plainIssue.js";
export { readFieldValue, type FieldRead, type RawControl } from "./readFieldValue.js";
export {
  createScenarioForm,
  resetScenarioForm,
  scenarioForm,
  scenarioFormController,
  type ScenarioFormController,
  type ScenarioFormOptions,
  type ScenarioFormTexts,
} from "./scenarioForm.js";
export { setPath } from "./setPath.js";
export { unitOf } from "../../sim/scenario/unitOf.js";
export { validateDraft, type DraftCheck } from "./validateDraft.js";
