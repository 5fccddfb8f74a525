export { ACTIVITY_STYLES, type ActivityStyle } from "./activityStyles.js";
export { formatClock } from "./formatClock.js";
export { frameAt, type PlaybackFrame } from "./frameAt.js";
export { playbackLoop, type PlaybackLoop } from "./playbackLoop.js";
export { playbackView, type PlaybackView, type PlaybackViewOptions } from "./playbackView.js";
export { summaryText, workersOnDuty } from "./summaryText.js";
