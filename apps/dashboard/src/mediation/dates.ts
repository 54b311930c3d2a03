/** Today in China (UTC+8, no daylight saving), as the API's Date scalar: 2012-12-31. */
export function chinaToday(now = Date.now()): string {
  return new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
}
