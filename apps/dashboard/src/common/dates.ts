// One way to write dates on every page, in the interface's language: 2012年5月14日 and 2012年5月14日 08:30 in
// Chinese. Times are Harbin's (China time), whatever the browser's time zone, as the API counts days.

const DAY: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' };
const MONTH: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', timeZone: 'UTC' };
const DATE_TIME: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Asia/Shanghai',
};

/** A calendar day as the API sends it (2012-05-14): read as UTC midnight, so no time zone moves it. */
export function formatDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, DAY).format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
}

/** A month (2012-05): 2012年5月. */
export function formatMonth(month: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, MONTH).format(new Date(`${month.slice(0, 7)}-01T00:00:00Z`));
}

/** A moment (ISO 8601 with offset) in China time: 2012年5月14日 08:30. */
export function formatDateTime(moment: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, DATE_TIME).format(new Date(moment));
}
