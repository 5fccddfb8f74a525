/** Version of the GridGov engine; results record it. Matches package.json. */
export const ENGINE_VERSION = "0.3.1";
