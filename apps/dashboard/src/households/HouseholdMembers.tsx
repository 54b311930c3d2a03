import {
  ArrayField,
  Datagrid,
  NumberField,
  TextField,
  useCreatePath,
  useTranslate,
  type Identifier,
} from 'react-admin';
import { LabelField, TagsField } from '../common/LabelChips';
import { TableOrList } from '../common/TableOrList';
import type { ResidentRecord } from '../residents/resident-record';

/** The members the API returns with the household (at most 50, oldest first); a row opens the resident. */
export const HouseholdMembers = () => {
  const createPath = useCreatePath();
  const translate = useTranslate();
  const toResident = (id: Identifier) => createPath({ resource: 'residents', id, type: 'show' });
  return (
    <ArrayField source="members">
      <TableOrList
        rowClick={toResident}
        phone={{
          primaryText: (r: ResidentRecord) => r.name,
          secondaryText: (r: ResidentRecord) =>
            `${translate(`app.gender.${r.gender}`)} · ${translate('app.residents.age', { age: r.age })} · ${r.idNumber}`,
          empty: <span />,
        }}
      >
        <Datagrid rowClick={toResident} bulkActionButtons={false} empty={<span />}>
          <TextField source="name" label="resources.residents.fields.name" sortable={false} />
          <LabelField
            source="gender"
            messages="app.gender"
            label="resources.residents.fields.gender"
            sortable={false}
          />
          <NumberField source="age" label="resources.residents.fields.age" sortable={false} />
          <TextField source="idNumber" label="resources.residents.fields.idNumber" sortable={false} />
          <TagsField source="tags" label="resources.residents.fields.tags" sortable={false} />
        </Datagrid>
      </TableOrList>
    </ArrayField>
  );
};
