import { VISIT_PURPOSES } from '@qiangji/domain';
import {
  BooleanField,
  BooleanInput,
  Datagrid,
  DateInput,
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
import { RegionLink } from '../common/RegionLink';
import { ResourceList } from '../common/ResourceList';
import { TwoLines } from '../common/TableOrList';

export const PURPOSE_CHOICES = VISIT_PURPOSES.map((p) => ({
  id: p,
  name: `app.villages.visit_purpose.${p}`,
}));

const visitFilters = [
  <RegionInput key="regionCode" source="regionCode" alwaysOn />,
  <SelectArrayInput
    key="purpose"
    source="purpose"
    choices={PURPOSE_CHOICES}
    alwaysOn
    sx={{ minWidth: '10rem' }}
  />,
  <BooleanInput key="followUpNeeded" source="followUpNeeded" />,
  <DateInput key="visitedFrom" source="visitedFrom" />,
  <DateInput key="visitedTo" source="visitedTo" />,
];

export interface VisitRow {
  id: string;
  visitedOn: string;
  purpose: string;
  findings: string;
  cadreName: string;
  region: RegionRef;
  household: { address: string } | null;
}

/** 走访记录 of the user's jurisdiction, newest first. */
export const VisitList = () => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  return (
    <ResourceList
      filters={visitFilters}
      perPage={25}
      exporter={false}
      jurisdictionFilter="regionCode"
      phone={{
        primaryText: (v: VisitRow) =>
          `${formatDay(v.visitedOn, locale)} · ${translate(`app.villages.visit_purpose.${v.purpose}`)}`,
        secondaryText: (v: VisitRow) => (
          <TwoLines first={v.household?.address ?? '—'} second={`${v.cadreName} · ${regionName(v.region)}`} />
        ),
      }}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <DayField source="visitedOn" sortable={false} />
        <FunctionField
          source="purpose"
          sortable={false}
          render={(v: VisitRow) => translate(`app.villages.visit_purpose.${v.purpose}`)}
        />
        <FunctionField
          source="household"
          sortable={false}
          render={(v: VisitRow) => v.household?.address ?? '—'}
        />
        <TextField source="findings" sortable={false} />
        <TextField source="cadreName" sortable={false} />
        <RegionLink label="resources.visits.fields.region" sortable={false} />
        <BooleanField source="followUpNeeded" sortable={false} />
      </Datagrid>
    </ResourceList>
  );
};
