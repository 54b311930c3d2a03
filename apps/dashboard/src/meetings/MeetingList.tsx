import { Datagrid, DateInput, TextField, useRecordContext, useTranslate } from 'react-admin';
import { useDates } from '../common/use-dates';
import { DayField } from '../common/DateTimeField';
import { TextChips } from '../common/LabelChips';
import { type RegionRef } from '../common/region-ref';
import { RegionInput } from '../common/RegionInput';
import { organizationText } from '../organizations/organization-text';
import { ResourceList } from '../common/ResourceList';
import { TwoLines } from '../common/TableOrList';

const meetingFilters = [
  <RegionInput key="regionCode" source="regionCode" alwaysOn />,
  <DateInput key="heldFrom" source="heldFrom" alwaysOn />,
  <DateInput key="heldTo" source="heldTo" alwaysOn />,
];

interface MeetingRow {
  heldOn: string;
  attendees: string[];
  organization: { name: string; region?: RegionRef };
}

/** The centre that met, by name and region: three townships have a 东兴镇大调解协调中心. */
const CentreField = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<MeetingRow>();
  return record ? <span>{organizationText(record.organization)}</span> : null;
};

/** The coordination centres' monthly meetings (月例会), newest first. */
export const MeetingList = () => {
  const translate = useTranslate();
  const dates = useDates();
  return (
    <ResourceList
      filters={meetingFilters}
      jurisdictionFilter="regionCode"
      phone={{
        primaryText: (m: MeetingRow) => organizationText(m.organization),
        secondaryText: (m: MeetingRow) => (
          <TwoLines first={dates.day(m.heldOn)} second={m.attendees.join(translate('app.list_separator'))} />
        ),
      }}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <DayField source="heldOn" sortable={false} />
        <CentreField label="resources.coordinationMeetings.fields.organization" sortable={false} />
        <TextChips source="attendees" sortable={false} />
        <TextField source="notes" sortable={false} />
      </Datagrid>
    </ResourceList>
  );
};
