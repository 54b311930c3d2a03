import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';

interface LabelChipsProps extends FieldProps {
  source: string;
  /** Message prefix of the values, e.g. `app.resident_tag`: an enum like MINIMUM_ALLOWANCE means nothing to an official. */
  messages: string;
}

/** A list of enum values (tags, roles, scopes) as small chips in the current language. */
export const LabelChips = ({ source, messages }: LabelChipsProps) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const values: unknown = record?.[source];
  if (!Array.isArray(values) || values.length === 0) return null;
  return (
    <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 0.5 }}>
      {values.map((value: string) => (
        <Chip key={value} size="small" variant="outlined" label={translate(`${messages}.${value}`)} />
      ))}
    </Stack>
  );
};

export const TagsField = (props: Omit<LabelChipsProps, 'messages'>) => (
  <LabelChips {...props} messages="app.resident_tag" />
);

/** An enum value (a gender) as text in the current language; `emptyText` (e.g. —) where there is none. */
export const LabelField = ({ source, messages, emptyText }: LabelChipsProps & { emptyText?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const value: unknown = record?.[source];
  if (typeof value !== 'string') {
    return emptyText ? (
      <Typography variant="body2" component="span">
        {emptyText}
      </Typography>
    ) : null;
  }
  // body2, as react-admin's TextField: the fields of a row or a show page read at one size.
  return (
    <Typography variant="body2" component="span">
      {translate(`${messages}.${value}`)}
    </Typography>
  );
};

/** A list of free text (a meeting's departments) as small chips, as written. */
export const TextChips = ({ source }: { source: string; label?: string; sortable?: boolean }) => {
  const record = useRecordContext();
  const values: unknown = record?.[source];
  if (!Array.isArray(values) || values.length === 0) return null;
  return (
    <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 0.5 }}>
      {values.map((value: string) => (
        <Chip key={value} size="small" variant="outlined" label={value} />
      ))}
    </Stack>
  );
};
