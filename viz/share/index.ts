export { decodeBase64Url, encodeBase64Url } from "./base64url.js";
export { checkJsonSafety, MAX_JSON_DEPTH } from "./checkJsonSafety.js";
export { compactScenario } from "./compactScenario.js";
export { decodeShareState, type DecodedShare } from "./decodeShareState.js";
export { encodeShareState, tryEncodeShareState } from "./encodeShareState.js";
export { lockedPaths, type LessonLocks } from "./lockedPaths.js";
export { resolveShareState, type ResolvedShare } from "./resolveShareState.js";
export {
  lessonSchema,
  MAX_SHARE_LENGTH,
  MAX_SHARE_PATHS,
  MAX_SHARE_SCENARIOS,
  SHARE_VERSION,
  shareStateSchema,
  type Lesson,
  type PresetEntry,
  type ScenarioEntry,
  type ShareState,
} from "./shareStateSchema.js";
export { shareUrl } from "./shareUrl.js";
