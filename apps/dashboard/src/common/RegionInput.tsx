import Typography from '@mui/material/Typography';
import {
  AutocompleteInput,
  ReferenceInput,
  useRecordContext,
  useTranslate,
  type Validator,
} from 'react-admin';
import type { RegionRecord } from '../regions/region-record';
import { useJurisdiction } from './use-jurisdiction';

interface RegionInputProps {
  source: string;
  label?: string;
  validate?: Validator | Validator[];
  /** Read by react-admin's filter form from the element, to show the filter without "add filter". */
  alwaysOn?: boolean;
  /** false: no line kept free under the input (a page's own controls, not a form). */
  helperText?: string | false;
  /** Called with the picked region's code (null when cleared), for pages that act on the pick at once. */
  onChange?: (code: string | null) => void;
}

/** An option: the qualified name (上红社区 · 第1网格) over its level and code, which can be typed too. */
const RegionOption = () => {
  const region = useRecordContext<RegionRecord>();
  const translate = useTranslate();
  if (!region) return null;
  return (
    <div>
      <Typography variant="body2">{region.qualifiedName}</Typography>
      <Typography variant="caption" color="text.secondary">
        {translate(`app.region_level.${region.level}`)} · {region.code}
      </Typography>
    </div>
  );
};

const inputText = (region: RegionRecord) => region.qualifiedName ?? region.name;
// The API searches; every option it answers matches.
const matchAll = () => true;
const toQuery = (text: string) =>
  /^\d{6,15}$/.test(text.trim()) ? { codes: [text.trim()] } : { nameContains: text };

/** Picks a region of the user's jurisdiction by name or code; the value is its code. */
export const RegionInput = ({ source, label, validate, helperText, onChange }: RegionInputProps) => {
  const jurisdiction = useJurisdiction();
  return (
    <ReferenceInput
      source={source}
      reference="regions"
      sort={{ field: 'code', order: 'ASC' }}
      filter={jurisdiction ? { withinCode: jurisdiction.code } : undefined}
    >
      <AutocompleteInput
        label={label}
        optionText={<RegionOption />}
        inputText={inputText}
        matchSuggestion={matchAll}
        filterToQuery={toQuery}
        validate={validate}
        helperText={helperText}
        onChange={
          onChange && ((value: unknown) => onChange(typeof value === 'string' && value ? value : null))
        }
        sx={{ minWidth: { xs: '100%', sm: '18rem' } }}
      />
    </ReferenceInput>
  );
};
