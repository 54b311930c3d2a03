import type { ReactElement } from 'react';
import { List, Loading, useGetIdentity, type ListProps, type SimpleListProps } from 'react-admin';
import { ListToolbar } from './ExportButton';
import { TableOrList, type PhoneRows } from './TableOrList';

export interface ResourceListProps extends Omit<ListProps, 'children'> {
  /** The table (a Datagrid) of tablets and wider screens. */
  children: ReactElement;
  phone: PhoneRows;
  rowClick?: SimpleListProps['rowClick'];
  /** The filter narrowing to a region's subtree: it starts at the user's jurisdiction (a grid worker's grid). */
  jurisdictionFilter?: string;
}

/**
 * Every resource's list: react-admin's List with its Datagrid, a SimpleList on a phone, the region filter
 * preset to where the user works, and the toolbar with the server's export where the resource has one (so
 * react-admin's own exporter, which builds a file in the browser, is off). 25 rows a page unless said.
 */
export const ResourceList = ({
  children,
  phone,
  rowClick,
  jurisdictionFilter,
  filterDefaultValues,
  perPage = 25,
  ...props
}: ResourceListProps) => {
  const { identity, isPending } = useGetIdentity();
  // The first query must already carry the preset, or the list would load twice.
  if (jurisdictionFilter && isPending) return <Loading />;
  const jurisdiction = (identity?.jurisdiction as { code?: string } | undefined)?.code;
  const defaults = {
    ...(jurisdictionFilter && jurisdiction ? { [jurisdictionFilter]: jurisdiction } : {}),
    ...filterDefaultValues,
  };
  return (
    <List
      actions={<ListToolbar />}
      exporter={false}
      {...props}
      perPage={perPage}
      filterDefaultValues={defaults}
    >
      <TableOrList phone={phone} rowClick={rowClick}>
        {children}
      </TableOrList>
    </List>
  );
};
