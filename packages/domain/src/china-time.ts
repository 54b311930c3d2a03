/** China Standard Time: UTC+8 all year, no daylight saving. */
const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The calendar day (`YYYY-MM-DD`) an instant falls on in China, whatever the machine's own time zone: a case
 * accepted at 00:30 on 1 January in Harbin belongs to the new year even though it is still 31 December in UTC.
 */
export function chinaDay(instant: Date | number = Date.now()): string {
  return new Date(new Date(instant).getTime() + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10);
}
