import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';

/** A timestamp in the interface's language, not the browser's: a Chinese page shows 2025/3/1 08:00:00. */
export const DateTimeField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return <DateField showTime locales={locale} emptyText="—" {...props} />;
};

/**
 * A calendar day (the API's Date: 2012-05-14) in the interface's language. Read as UTC, which is how the
 * browser parses a bare date, so no time zone moves it to the day before.
 */
export const DayField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return <DateField locales={locale} options={{ timeZone: 'UTC' }} emptyText="—" {...props} />;
};
