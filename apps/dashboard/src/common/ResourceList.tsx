import useMediaQuery from '@mui/material/useMediaQuery';
import type { Theme } from '@mui/material/styles';
import type { ReactElement } from 'react';
import { List, Loading, SimpleList, useGetIdentity, type ListProps, type SimpleListProps } from 'react-admin';

interface ResourceListProps extends Omit<ListProps, 'children'> {
  /** The table (a Datagrid) of tablets and wider screens. */
  children: ReactElement;
  /** The rows of a phone: a line or three per record instead of a table that scrolls sideways. */
  phone: Pick<SimpleListProps, 'primaryText' | 'secondaryText' | 'tertiaryText'>;
  /** Where a row leads on a phone, as the table's rowClick. */
  rowClick?: SimpleListProps['rowClick'];
  /** The filter narrowing to a region's subtree: it starts at the user's jurisdiction (a grid worker's grid). */
  jurisdictionFilter?: string;
}

/** A phone row's secondary text on two lines (it sits in a paragraph, so a line break, not blocks). */
export const TwoLines = ({ first, second }: { first: string; second: string }) => (
  <>
    {first}
    <br />
    {second}
  </>
);

/**
 * Every resource's list: react-admin's List with its Datagrid, a SimpleList on small screens (as react-admin's
 * demo does), and the region filter preset to where the user works.
 */
export const ResourceList = ({
  children,
  phone,
  rowClick = 'show',
  jurisdictionFilter,
  filterDefaultValues,
  ...props
}: ResourceListProps) => {
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const { identity, isPending } = useGetIdentity();
  // The first query must already carry the preset, or the list would load twice.
  if (jurisdictionFilter && isPending) return <Loading />;
  const jurisdiction = (identity?.jurisdiction as { code?: string } | undefined)?.code;
  const defaults = {
    ...(jurisdictionFilter && jurisdiction ? { [jurisdictionFilter]: jurisdiction } : {}),
    ...filterDefaultValues,
  };
  return (
    <List {...props} filterDefaultValues={defaults}>
      {small ? <SimpleList rowClick={rowClick} {...phone} /> : children}
    </List>
  );
};
