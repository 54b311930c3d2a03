import type { ReactElement } from 'react';
import { SimpleList, type SimpleListProps } from 'react-admin';
import { usePhone } from './use-phone';

/** A phone's rows: a line or three per record instead of a table that scrolls sideways. */
export type PhoneRows = Pick<SimpleListProps, 'primaryText' | 'secondaryText' | 'tertiaryText' | 'empty'>;

/** A phone row's secondary text on two lines (it sits in a paragraph, so a line break, not blocks). */
export const TwoLines = ({ first, second }: { first: string; second: string }) => (
  <>
    {first}
    <br />
    {second}
  </>
);

/**
 * The records of the surrounding list (a List, a ReferenceManyField, an ArrayField) as the given Datagrid, or
 * on a phone as a SimpleList, as react-admin's demo does.
 */
export const TableOrList = ({
  children,
  phone,
  rowClick = 'show',
}: {
  /** The Datagrid of tablets and wider screens. */
  children: ReactElement;
  phone: PhoneRows;
  /** Where a row leads on a phone, as the table's rowClick. */
  rowClick?: SimpleListProps['rowClick'];
}) => {
  const small = usePhone();
  return small ? <SimpleList rowClick={rowClick} {...phone} /> : children;
};
