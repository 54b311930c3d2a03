import { Datagrid, TextField, useRecordContext, useTranslate } from 'react-admin';
import { useDates } from '../common/use-dates';
import { DayField } from '../common/DateTimeField';
import { PETITION_STATE_CHOICES } from '../common/choices';
import { choicesFilter, dayRangeFilters, regionFilter } from '../common/filter-inputs';
import { regionName, type RegionRef } from '../common/region-ref';
import { RegionLink } from '../common/RegionLink';
import { ResourceList } from '../common/ResourceList';
import { TwoLines } from '../common/TableOrList';
import { organizationText } from '../organizations/organization-text';
import { EnumChip } from '../mediation/chips';

const petitionFilters = [
  regionFilter(),
  choicesFilter('state', PETITION_STATE_CHOICES, { minWidth: '10rem', alwaysOn: true }),
  ...dayRangeFilters('registeredFrom', 'registeredTo'),
];

const PETITION_COLORS = {
  REGISTERED: 'default',
  ASSIGNED: 'primary',
  RESOLVED: 'success',
  UNRESOLVED: 'warning',
} as const;

/** The organisation the case was handed to, by name and region (committees share names across villages). */
const OrganizationField = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<{ organization?: { name: string; region?: RegionRef } | null }>();
  return <span>{record?.organization ? organizationText(record.organization) : '—'}</span>;
};

export const PetitionStateField = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<{ state?: keyof typeof PETITION_COLORS }>();
  if (!record?.state) return null;
  return (
    <EnumChip value={record.state} messages="app.petition_state" color={PETITION_COLORS[record.state]} />
  );
};

interface PetitionRow {
  title: string;
  state: keyof typeof PETITION_COLORS;
  region: RegionRef;
  registeredOn: string;
}

/** The petition backlog (信访积案) of the user's jurisdiction, newest registration first. */
export const PetitionList = () => {
  const translate = useTranslate();
  const dates = useDates();
  return (
    <ResourceList
      filters={petitionFilters}
      jurisdictionFilter="regionCode"
      phone={{
        primaryText: (p: PetitionRow) => p.title,
        secondaryText: (p: PetitionRow) => (
          <TwoLines
            first={`${translate(`app.petition_state.${p.state}`)} · ${dates.day(p.registeredOn)}`}
            second={regionName(p.region)}
          />
        ),
      }}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="title" sortable={false} />
        <PetitionStateField label="resources.petitionCases.fields.state" sortable={false} />
        <RegionLink label="resources.petitionCases.fields.region" sortable={false} />
        <OrganizationField label="resources.petitionCases.fields.organization" sortable={false} />
        <DayField source="registeredOn" sortable={false} />
        <DayField source="resolvedOn" sortable={false} emptyText="—" />
      </Datagrid>
    </ResourceList>
  );
};
