import { Datagrid, NumberField, useRecordContext, useTranslate } from 'react-admin';
import { choicesFilter, regionFilter } from '../common/filter-inputs';
import { regionName, type RegionRef } from '../common/region-ref';
import { RegionLink } from '../common/RegionLink';
import { ResourceList } from '../common/ResourceList';
import { EnumChip } from '../mediation/chips';
import { COMMUNITY_KIND_CHOICES } from './service-messages';

const filters = [
  regionFilter(),
  choicesFilter('kind', COMMUNITY_KIND_CHOICES, { minWidth: '10rem', alwaysOn: true }),
];

interface ProfileRow {
  kind: string;
  region: RegionRef;
  functions: string[];
}

const KindField = (_props: { label?: string }) => {
  const record = useRecordContext<ProfileRow>();
  return record ? (
    <EnumChip
      value={record.kind}
      messages="app.community_kind"
      color={record.kind === 'CENTRAL' ? 'primary' : 'default'}
    />
  ) : null;
};

/** Communities and their central communities (中心社区, 以大带小): public information, by code. */
export const CommunityList = () => {
  const translate = useTranslate();
  return (
    <ResourceList
      filters={filters}
      perPage={50}
      phone={{
        primaryText: (p: ProfileRow) => regionName(p.region),
        secondaryText: (p: ProfileRow) => translate(`app.community_kind.${p.kind}`),
      }}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <RegionLink label="resources.communityProfiles.fields.region" sortable={false} />
        <KindField label="resources.communityProfiles.fields.kind" />
        <NumberField source="serviceAreaM2" sortable={false} />
      </Datagrid>
    </ResourceList>
  );
};
