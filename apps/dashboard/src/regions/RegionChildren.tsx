import { Datagrid, TextField, useTranslate } from 'react-admin';
import { RelatedRecords } from '../common/ShowSections';
import { TableOrList } from '../common/TableOrList';
import type { RegionRecord } from './region-record';
import { RegionLevelField } from './RegionLevelField';

/** The record's direct children, each row opening that child's page: how officials walk down the tree. */
export const RegionChildren = () => {
  const translate = useTranslate();
  return (
    <RelatedRecords
      reference="regions"
      target="parentCode"
      sort={{ field: 'code', order: 'ASC' }}
      perPage={25}
      empty="app.regions.no_children"
    >
      <TableOrList
        phone={{
          primaryText: (region: RegionRecord) => region.name,
          secondaryText: (region: RegionRecord) =>
            `${translate(`app.region_level.${region.level}`)} · ${region.code}`,
        }}
      >
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="code" />
          <TextField source="name" />
          <RegionLevelField source="level" sortable={false} />
        </Datagrid>
      </TableOrList>
    </RelatedRecords>
  );
};
