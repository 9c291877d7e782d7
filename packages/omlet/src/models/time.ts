const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

// `2025-11-30T06:44:13+10:00`, `2026-10-08T05:48:17.000000Z`, `2024-12-29 02:00:00`, `2023-06-23 06:32`
const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
// `Thu Sep  7 09:44:47 2023` (C `asctime`, older firmware clocks)
const ASCTIME = /^[a-z]{3}\s+([a-z]{3})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})\s+(\d{4})$/i;

function offsetMinutes(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 60 + minutes);
}

function utcDate(parts: { year: number; month: number; day: number; hour: number; minute: number; second: number; ms: number }): Date | undefined {
  const { year, month, day, hour, minute, second, ms } = parts;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  // Date.UTC rolls 31 February over into March; a real timestamp never does.
  return date.getUTCDate() === day ? date : undefined;
}

function parseIsoLike(match: RegExpExecArray): Date | undefined {
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const date = utcDate({
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second ?? 0),
    // Omlet sends microseconds; a Date keeps milliseconds.
    ms: fraction ? Number(fraction.slice(0, 3).padEnd(3, "0")) : 0,
  });
  return date && new Date(date.getTime() - offsetMinutes(zone) * 60_000);
}

function parseAsctime(match: RegExpExecArray): Date | undefined {
  const [, monthName, day, hour, minute, second, year] = match;
  const month = MONTHS.indexOf(String(monthName).toLowerCase()) + 1;
  if (month === 0) return undefined;
  return utcDate({
    year: Number(year),
    month,
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
    ms: 0,
  });
}

/**
 * Parses the timestamp formats Omlet mixes in one payload into a `Date`.
 *
 * Values without a zone (`2024-12-29 02:00:00`, asctime clocks) are read as UTC, the
 * server's own zone. Returns `undefined` for null, empty or unrecognised values rather
 * than an Invalid Date, so an odd field never breaks reading a device.
 */
export function parseOmletTime(value: string | null | undefined): Date | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const iso = ISO_LIKE.exec(text);
  if (iso) return parseIsoLike(iso);
  const asctime = ASCTIME.exec(text);
  return asctime ? parseAsctime(asctime) : undefined;
}
