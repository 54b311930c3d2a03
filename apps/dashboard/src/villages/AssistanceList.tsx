import { ASSISTANCE_STATES, ASSISTANCE_TYPES } from '@qiangji/domain';
import { Datagrid, TextField, useLocaleState, useTranslate } from 'react-admin';
import { formatDay } from '../common/dates';
import { enumChoices } from '../common/choices';
import { DayField } from '../common/DateTimeField';
import { choicesFilter, regionFilter } from '../common/filter-inputs';
import { LabelField } from '../common/LabelChips';
import { regionName, type RegionRef } from '../common/region-ref';
import { ResourceList } from '../common/ResourceList';
import { TwoLines } from '../common/TableOrList';
import { HouseholdField } from './HouseholdField';

const filters = [
  regionFilter(),
  choicesFilter('state', enumChoices(ASSISTANCE_STATES, 'app.villages.assistance_state'), {
    minWidth: '10rem',
    alwaysOn: true,
  }),
  choicesFilter('type', enumChoices(ASSISTANCE_TYPES, 'app.villages.assistance_type'), { minWidth: '10rem' }),
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
        <LabelField source="type" messages="app.villages.assistance_type" sortable={false} />
        <LabelField source="state" messages="app.villages.assistance_state" sortable={false} />
        <HouseholdField source="household" sortable={false} />
        <TextField source="description" sortable={false} />
        <TextField source="cadreName" sortable={false} />
        <DayField source="plannedOn" sortable={false} />
        <DayField source="doneOn" sortable={false} emptyText="—" />
      </Datagrid>
    </ResourceList>
  );
};
