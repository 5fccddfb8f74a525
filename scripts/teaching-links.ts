/**
 * The classroom exercises of docs/teaching.md as share-link states, and the links
 * themselves. `npx tsx scripts/teaching-links.ts` prints them; a test checks that
 * every link in the docs is one of these and opens (decodes and validates).
 */
import { encodeShareState, type ShareState } from "../viz/share/index.js";

/** Where `npm start` serves the page; on another host, keep everything from `#share=`. */
export const LOCAL_URL = "http://127.0.0.1:5173/";

/** The three exercises, in the order the docs give them. */
export const EXERCISES: Array<{ id: string; state: ShareState }> = [
  {
    id: "grid-size",
    state: {
      v: 1,
      scenarios: [{ preset: "teaching-small" }, { preset: "teaching-small", name: "Half-size grids (200 households)", changes: { "grids.householdsPerGrid": 200 } }],
      seed: 1,
      replications: 10,
      lesson: {
        title: "Halve the households per grid",
        question: "The target size of a grid is halved, from 400 to 200 households, and every grid keeps its own grid worker. What happens to the workers' travel time, to the time incidents wait for a worker, and to the cost?",
        editable: ["grids.householdsPerGrid", "staffing.workersPerGrid"],
      },
    },
  },
  {
    id: "form-filling",
    state: {
      v: 1,
      scenarios: [{ preset: "teaching-small" }, { preset: "teaching-small", name: "Half the ordered tasks cut", changes: { "admin.taskCut": 0.5 } }],
      seed: 2,
      replications: 10,
      lesson: {
        title: "Cut form-filling by half",
        question: "A task admission list (准入清单) removes half of the forms, meetings and inspections ordered from above: 3 hours a working day become 1.5. Which changes more: the time an incident waits for a worker, or the hours workers spend on patrol? Does overtime fall?",
        editable: ["admin.taskCut", "admin.dailyTaskHours", "admin.dataEntryMinutesPerIncident"],
      },
    },
  },
  {
    id: "residents-report",
    state: {
      v: 1,
      scenarios: [{ preset: "teaching-small" }, { preset: "teaching-small", name: "Twice the app users", changes: { "residents.appShare": 0.6 } }],
      seed: 3,
      replications: 10,
      lesson: {
        title: "Residents as the eyes of the grid",
        question: "Twice as many residents report through the app (60 % instead of 30 %). How much sooner are incidents found? Are they also reached and closed sooner? Does the grid worker's day get busier?",
        editable: ["residents.appShare", "residents.reportsPerHour", "residents.volunteerShare"],
      },
    },
  },
];

/** The link that opens an exercise on the local page. */
export function exerciseLink(state: ShareState, base = LOCAL_URL): string {
  return `${base}#share=${encodeShareState(state)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const e of EXERCISES) process.stdout.write(`${e.id}: ${exerciseLink(e.state)}\n`);
}
