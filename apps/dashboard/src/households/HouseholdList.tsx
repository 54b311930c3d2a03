import { Datagrid, TextField } from 'react-admin';
import { TagsField } from '../common/LabelChips';
import { regionName, type RegionRef } from '../common/region-ref';
import { RegionLink } from '../common/RegionLink';
import { ResourceList } from '../common/ResourceList';
import { householdFilters } from './household-filters';

interface HouseholdRow {
  address: string;
  head: { name: string } | null;
  region: RegionRef;
}

/** Households of the user's jurisdiction, in the API's order (by address): it sorts by nothing else. */
export const HouseholdList = () => (
  <ResourceList
    filters={householdFilters}
    jurisdictionFilter="regionCode"
    phone={{
      primaryText: (h: HouseholdRow) => h.address,
      secondaryText: (h: HouseholdRow) => regionName(h.region),
      tertiaryText: (h: HouseholdRow) => h.head?.name ?? '',
    }}
  >
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="address" sortable={false} />
      <TextField source="head.name" label="resources.households.fields.head" sortable={false} emptyText="—" />
      <TagsField source="tags" sortable={false} />
      <RegionLink label="resources.households.fields.region" sortable={false} />
    </Datagrid>
  </ResourceList>
);
