/** Simulated time (minutes from the start of the run) as "Day 1, 08:35" (day 1 starts at time 0). */
export function formatClock(minutes: number): string {
  const m = Math.max(0, Math.floor(minutes + 1e-9));
  const day = Math.floor(m / 1440) + 1;
  const hh = Math.floor((m % 1440) / 60);
  const mm = m % 60;
  return `Day ${day}, ${String(hh).padStart(2, "0")}:${String(mm).padStart(2, "0")}`;
}
