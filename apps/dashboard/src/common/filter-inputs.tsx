import { DateInput, SearchInput, SelectArrayInput } from 'react-admin';
import { RegionInput } from './RegionInput';

// Filter elements for a list's `filters`: react-admin keys them by their source, which is the filter's field.

/** Free text the API matches (nameContains, addressContains, q), always shown. */
export const searchFilter = (source: string) => <SearchInput key={source} source={source} alwaysOn />;

/** The region the list is narrowed to, always shown. */
export const regionFilter = (source = 'regionCode') => <RegionInput key={source} source={source} alwaysOn />;

/** Any of an enum's values; `minWidth` fits its longest label, which a chip list would otherwise squeeze. */
export function choicesFilter(
  source: string,
  choices: { id: string; name: string }[],
  { minWidth, alwaysOn = false }: { minWidth?: string; alwaysOn?: boolean } = {},
) {
  return (
    <SelectArrayInput
      key={source}
      source={source}
      choices={choices}
      alwaysOn={alwaysOn}
      sx={minWidth ? { minWidth } : undefined}
    />
  );
}

/** A range of days, both inclusive: its first and its last day. */
export const dayRangeFilters = (from: string, to: string) => [
  <DateInput key={from} source={from} />,
  <DateInput key={to} source={to} />,
];
