/** Share links and lessons in one import (the app's entry point to `viz/share/`). */
export * from "./index.js";
