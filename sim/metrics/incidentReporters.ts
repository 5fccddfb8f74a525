import { STAGES, type StageName } from "../model/IncidentStore.js";

/**
 * A measurement taken on every incident: the minutes between two stages of its
 * closed loop. Recorded when the incident reaches `to`, for incidents that occurred
 * after the warm-up.
 */
export interface IncidentReporter {
  name: string;
  from: StageName;
  to: StageName;
  /** Short plain-words name, for table rows and chart titles. */
  label: string;
  /** Plain-words meaning, used in tables and docs. */
  description: string;
}

/** The incident measurements, in the order they appear in outputs. */
export const INCIDENT_REPORTERS = [
  { name: "discoveryDelay", label: "discovery delay", from: "occurred", to: "discovered", description: "time from occurrence until someone (resident or patrol) notices the incident" },
  { name: "queueWait", label: "queue wait", from: "registered", to: "assigned", description: "time on the platform waiting for a free eligible worker" },
  { name: "travelTime", label: "travel time", from: "assigned", to: "onSite", description: "time for the assigned worker to reach the site" },
  { name: "responseTime", label: "response time", from: "registered", to: "onSite", description: "time from registration until a worker is first on site" },
  { name: "resolutionTime", label: "resolution time", from: "registered", to: "closed", description: "time from registration until the incident is closed" },
  { name: "totalTime", label: "total time", from: "occurred", to: "closed", description: "time from occurrence until the incident is closed" },
] as const satisfies readonly IncidentReporter[];

/** Name of an incident measurement. */
export type IncidentMetricName = (typeof INCIDENT_REPORTERS)[number]["name"];

/** The short plain-words name of each incident measurement. */
export const INCIDENT_METRIC_LABELS = Object.fromEntries(INCIDENT_REPORTERS.map((r) => [r.name, r.label])) as Record<IncidentMetricName, string>;

/** Stage index of a stage name. */
export function stageIndex(name: StageName): number {
  return STAGES.indexOf(name);
}
