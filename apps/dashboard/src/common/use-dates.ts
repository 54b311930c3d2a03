import { useMemo } from 'react';
import { useLocaleState } from 'react-admin';
import { formatDateTime, formatDay, formatMonth } from './dates';

/** The one way of writing dates (dates.ts), in the interface's language: `dates.day('2012-05-14')`. */
export function useDates() {
  const [locale = 'zh-CN'] = useLocaleState();
  return useMemo(
    () => ({
      day: (day: string) => formatDay(day, locale),
      month: (month: string) => formatMonth(month, locale),
      dateTime: (moment: string) => formatDateTime(moment, locale),
    }),
    [locale],
  );
}
