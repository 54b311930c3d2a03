import { Datagrid, FunctionField, SelectInput, TextField, TextInput, useTranslate } from 'react-admin';
import { WORK_UNIT_KIND_CHOICES, WORK_UNIT_LEVEL_CHOICES } from '../common/choices';
import { ResourceList } from '../common/ResourceList';

interface WorkUnitRow {
  name: string;
  kind: string;
  level: string;
}

const filters = [
  <TextInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={WORK_UNIT_KIND_CHOICES} />,
  <SelectInput key="level" source="level" choices={WORK_UNIT_LEVEL_CHOICES} />,
];

/** 包村单位, by name: the departments, state enterprises and institutions that send cadres. */
export const WorkUnitList = () => {
  const translate = useTranslate();
  const kind = (u: WorkUnitRow) =>
    `${translate(`app.work_unit_level.${u.level}`)} · ${translate(`app.work_unit_kind.${u.kind}`)}`;
  return (
    <ResourceList filters={filters} phone={{ primaryText: (u: WorkUnitRow) => u.name, secondaryText: kind }}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="name" sortable={false} />
        <FunctionField source="kind" sortable={false} render={kind} />
      </Datagrid>
    </ResourceList>
  );
};
