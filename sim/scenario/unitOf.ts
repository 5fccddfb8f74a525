/**
 * The unit of a field, read from its key and the `(unit)` its description names:
 * `widthMeters` → "m", `speedKmh` → "km/h", `timeLimitHours` → "h", `fullTimeSalaryPerYear`
 * described "(CNY)" → "CNY per year", `reportsPerHour` → "per hour". Undefined when none is known.
 */
export function unitOf(key: string, description = ""): string | undefined {
  const per = /PerResidentPerYear$/.test(key)
    ? " per resident per year"
    : /PerHour$/.test(key)
      ? " per hour"
      : /PerDay$/.test(key)
        ? " per day"
        : /PerYear$/.test(key)
          ? " per year"
          : "";
  if (/minutes after midnight/.test(description)) return "min after midnight";
  if (/Meters$/.test(key) || /\(metres\)/.test(description)) return "m";
  if (/Kmh$/.test(key) || /\(km\/h\)/.test(description)) return "km/h";
  if (/\(CNY\)/.test(description)) return `CNY${per}`;
  if (/Hours/.test(key) || /^hours/.test(key) || /\(hours\)/.test(description)) return `h${per}`;
  if (/Minutes/.test(key) || /^minutes/.test(key) || /\(minutes/.test(description)) return `min${per}`;
  if (/^days$|Days$/.test(key)) return "days";
  return per ? per.trim() : undefined;
}
