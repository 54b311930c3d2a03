import { Datagrid, TextField, useTranslate } from 'react-admin';
import { RegionLink } from '../common/RegionLink';
import { ResourceList } from '../common/ResourceList';
import { regionFilters } from './region-filters';
import type { RegionRecord } from './region-record';
import { RegionLevelField } from './RegionLevelField';

/** Only code and name are sortable: the API orders by nothing else (RegionOrderField). */
export const RegionList = () => {
  const translate = useTranslate();
  return (
    <ResourceList
      filters={regionFilters}
      sort={{ field: 'code', order: 'ASC' }}
      jurisdictionFilter="withinCode"
      phone={{
        primaryText: (region: RegionRecord) => region.qualifiedName,
        secondaryText: (region: RegionRecord) =>
          `${translate(`app.region_level.${region.level}`)} · ${region.code}`,
      }}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="code" />
        <TextField source="qualifiedName" sortBy="name" label="resources.regions.fields.name" />
        <RegionLevelField source="level" sortable={false} />
        <RegionLink source="parent" label="resources.regions.fields.parentCode" sortable={false} />
      </Datagrid>
    </ResourceList>
  );
};
