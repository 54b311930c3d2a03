import { Datagrid, DateInput, TextField, useLocaleState, useTranslate } from 'react-admin';
import { formatDay } from '../common/dates';
import { DayField } from '../common/DateTimeField';
import { TextChips } from '../common/LabelChips';
import { RegionInput } from '../common/RegionInput';
import { ResourceList } from '../common/ResourceList';

const meetingFilters = [
  <RegionInput key="regionCode" source="regionCode" alwaysOn />,
  <DateInput key="heldFrom" source="heldFrom" alwaysOn />,
  <DateInput key="heldTo" source="heldTo" alwaysOn />,
];

interface MeetingRow {
  heldOn: string;
  attendees: string[];
  organization: { name: string };
}

/** The coordination centres' monthly meetings (月例会), newest first. */
export const MeetingList = () => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  return (
    <ResourceList
      filters={meetingFilters}
      perPage={25}
      exporter={false}
      jurisdictionFilter="regionCode"
      phone={{
        primaryText: (m: MeetingRow) => m.organization.name,
        secondaryText: (m: MeetingRow) => m.attendees.join(translate('app.list_separator')),
        tertiaryText: (m: MeetingRow) => formatDay(m.heldOn, locale),
      }}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <DayField source="heldOn" sortable={false} />
        <TextField
          source="organization.name"
          label="resources.coordinationMeetings.fields.organization"
          sortable={false}
        />
        <TextChips source="attendees" sortable={false} />
        <TextField source="notes" sortable={false} />
      </Datagrid>
    </ResourceList>
  );
};
