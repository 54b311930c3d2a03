import Typography from '@mui/material/Typography';
import { useLocaleState, useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { formatDateTime, formatDay } from './dates';

type DateFieldProps = FieldProps & { source: string; emptyText?: string };

/** A date field of the record, written by `format` (common/dates.ts); `emptyText` (a message key or —) if none. */
const dateField = (format: (value: string, locale: string) => string) =>
  function DateField({ source, emptyText = '—' }: DateFieldProps) {
    const record = useRecordContext();
    const translate = useTranslate();
    const [locale = 'zh-CN'] = useLocaleState();
    const value: unknown = record?.[source];
    // body2 and a span, as react-admin's fields: the fields of a row or a show page read at one size.
    return (
      <Typography variant="body2" component="span">
        {typeof value === 'string' && value ? format(value, locale) : translate(emptyText, { _: emptyText })}
      </Typography>
    );
  };

/** A timestamp in China time: 2012年5月14日 08:30. */
export const DateTimeField = dateField(formatDateTime);

/** A calendar day (the API's Date: 2012-05-14): 2012年5月14日. */
export const DayField = dateField(formatDay);
