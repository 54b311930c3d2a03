import { minValue, NumberInput, required, type NumberInputProps } from 'react-admin';

/** An autocomplete's typed text → the list filter the API matches names with. */
export const byName = (text: string) => ({ nameContains: text });

const COUNT = [required(), minValue(0)];

/** A whole number of people, households or hours: required, never negative. */
export const CountInput = (props: NumberInputProps) => (
  <NumberInput min={0} step={1} validate={COUNT} {...props} />
);
