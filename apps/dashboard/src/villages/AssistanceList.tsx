import { ASSISTANCE_STATES, ASSISTANCE_TYPES } from '@qiangji/domain';
import {
  Datagrid,
  FunctionField,
  SelectArrayInput,
  TextField,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { formatDay } from '../common/dates';
import { DayField } from '../common/DateTimeField';
import { RegionInput } from '../common/RegionInput';
import { regionName, type RegionRef } from '../common/region-ref';
import { ResourceList } from '../common/ResourceList';
import { TwoLines } from '../common/TableOrList';

const choices = (values: readonly string[], messages: string) =>
  values.map((id) => ({ id, name: `${messages}.${id}` }));

const filters = [
  <RegionInput key="regionCode" source="regionCode" alwaysOn />,
  <SelectArrayInput
    key="state"
    source="state"
    choices={choices(ASSISTANCE_STATES, 'app.villages.assistance_state')}
    alwaysOn
    sx={{ minWidth: '10rem' }}
  />,
  <SelectArrayInput
    key="type"
    source="type"
    choices={choices(ASSISTANCE_TYPES, 'app.villages.assistance_type')}
    sx={{ minWidth: '10rem' }}
  />,
];

interface AssistanceRow {
  type: string;
  state: string;
  description: string;
  plannedOn: string;
  cadreName: string;
  region: RegionRef;
  household: { address: string } | null;
}

/** 帮扶: the assistance of the user's jurisdiction, newest plan first. */
export const AssistanceList = () => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const label = (a: AssistanceRow) =>
    `${translate(`app.villages.assistance_type.${a.type}`)} · ${translate(`app.villages.assistance_state.${a.state}`)}`;
  return (
    <ResourceList
      filters={filters}
      perPage={25}
      exporter={false}
      jurisdictionFilter="regionCode"
      phone={{
        primaryText: label,
        secondaryText: (a: AssistanceRow) => (
          <TwoLines
            first={`${a.household?.address ?? '—'} · ${formatDay(a.plannedOn, locale)}`}
            second={`${a.cadreName} · ${regionName(a.region)}`}
          />
        ),
      }}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <FunctionField
          source="type"
          sortable={false}
          render={(a: AssistanceRow) => translate(`app.villages.assistance_type.${a.type}`)}
        />
        <FunctionField
          source="state"
          sortable={false}
          render={(a: AssistanceRow) => translate(`app.villages.assistance_state.${a.state}`)}
        />
        <FunctionField
          source="household"
          sortable={false}
          render={(a: AssistanceRow) => a.household?.address ?? '—'}
        />
        <TextField source="description" sortable={false} />
        <TextField source="cadreName" sortable={false} />
        <DayField source="plannedOn" sortable={false} />
        <DayField source="doneOn" sortable={false} emptyText="—" />
      </Datagrid>
    </ResourceList>
  );
};
