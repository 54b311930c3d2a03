import { Datagrid, NumberField, TextField, useTranslate } from 'react-admin';
import { LabelField } from '../common/LabelChips';
import { regionName, type RegionRef } from '../common/region-ref';
import { RegionLink } from '../common/RegionLink';
import { ResourceList } from '../common/ResourceList';
import { organizationFilters } from './organization-filters';

interface OrganizationRow {
  name: string;
  kind: string;
  region: RegionRef;
  memberCount: number;
}

/**
 * The mediation organisations (reference data), by name: committees, centres, clinics. Seventeen villages have
 * a 东升村人民调解委员会, so the region column (its qualified name) tells them apart.
 */
export const OrganizationList = () => {
  const translate = useTranslate();
  return (
    <ResourceList
      filters={organizationFilters}
      jurisdictionFilter="regionCode"
      phone={{
        primaryText: (o: OrganizationRow) => o.name,
        secondaryText: (o: OrganizationRow) =>
          `${translate(`app.organization_kind.${o.kind}`)} · ${regionName(o.region)}`,
        tertiaryText: (o: OrganizationRow) =>
          translate('app.organizations.member_count', { count: o.memberCount }),
      }}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" sortable={false} />
        <RegionLink label="resources.mediationOrganizations.fields.region" sortable={false} />
        <LabelField source="kind" messages="app.organization_kind" sortable={false} />
        <LabelField source="industry" messages="app.industry" sortable={false} />
        <NumberField source="memberCount" sortable={false} />
      </Datagrid>
    </ResourceList>
  );
};
