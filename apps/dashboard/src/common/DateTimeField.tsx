import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';

/** A timestamp in the interface's language, not the browser's: a Chinese page shows 2025/3/1 08:00:00. */
export const DateTimeField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return <DateField showTime locales={locale} emptyText="—" {...props} />;
};
