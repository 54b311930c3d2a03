import { Datagrid, DateInput, List, TextField } from 'react-admin';
import { DayField } from '../common/DateTimeField';
import { TextChips } from '../common/LabelChips';
import { RegionInput } from '../common/RegionInput';

const meetingFilters = [
  <RegionInput key="regionCode" source="regionCode" alwaysOn />,
  <DateInput key="heldFrom" source="heldFrom" alwaysOn />,
  <DateInput key="heldTo" source="heldTo" alwaysOn />,
];

/** The coordination centres' monthly meetings (月例会), newest first. */
export const MeetingList = () => (
  <List filters={meetingFilters} perPage={25} exporter={false}>
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
  </List>
);
