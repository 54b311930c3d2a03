import { AutocompleteInput, ReferenceInput, type Validator } from 'react-admin';
import type { RegionRecord } from '../regions/region-record';

interface RegionInputProps {
  source: string;
  label?: string;
  validate?: Validator | Validator[];
  /** Read by react-admin's filter form from the element, to show the filter without "add filter". */
  alwaysOn?: boolean;
  helperText?: string;
  /** Called with the picked region's code (null when cleared), for pages that act on the pick at once. */
  onChange?: (code: string | null) => void;
}

/** Many regions share a name (every community has a 第1网格), so the code is shown and can be typed too. */
const optionText = (region: RegionRecord) => `${region.name} · ${region.code}`;
const toQuery = (text: string) =>
  /^\d{6,15}$/.test(text.trim()) ? { codes: [text.trim()] } : { nameContains: text };

/** Picks a region by name or code; the value is its code. */
export const RegionInput = ({ source, label, validate, helperText, onChange }: RegionInputProps) => (
  <ReferenceInput source={source} reference="regions" sort={{ field: 'code', order: 'ASC' }}>
    <AutocompleteInput
      label={label}
      optionText={optionText}
      filterToQuery={toQuery}
      validate={validate}
      helperText={helperText}
      onChange={onChange && ((value: unknown) => onChange(typeof value === 'string' && value ? value : null))}
      sx={{ minWidth: '18rem' }}
    />
  </ReferenceInput>
);
