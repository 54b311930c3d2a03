import {
  BooleanInput,
  Datagrid,
  TextField,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { formatDateTime } from '../common/dates';
import { DateTimeField } from '../common/DateTimeField';
import { LabelField } from '../common/LabelChips';
import { choicesFilter, dayRangeFilters, regionFilter, searchFilter } from '../common/filter-inputs';
import { regionName, type RegionRef } from '../common/region-ref';
import { RegionLink } from '../common/RegionLink';
import { ResourceList } from '../common/ResourceList';
import { TwoLines } from '../common/TableOrList';
import { DeadlineChip, EnumChip } from '../mediation/chips';
import { GRID_CATEGORY_CHOICES, GRID_STATE_CHOICES, GRID_URGENCY_CHOICES } from '../common/choices';

const gridEventFilters = [
  searchFilter('q'),
  regionFilter(),
  choicesFilter('state', GRID_STATE_CHOICES, { minWidth: '10rem', alwaysOn: true }),
  <BooleanInput key="overdue" source="overdue" alwaysOn />,
  choicesFilter('category', GRID_CATEGORY_CHOICES, { minWidth: '10rem' }),
  choicesFilter('urgency', GRID_URGENCY_CHOICES, { minWidth: '8rem' }),
  <BooleanInput key="atRisk" source="atRisk" />,
  ...dayRangeFilters('reportedFrom', 'reportedTo'),
];

export interface GridEventRow {
  id: string;
  number: string;
  category: string;
  urgency: string;
  state: string;
  deadlineStatus: string;
  dueAt: string | null;
  reportedAt: string;
  region: RegionRef;
}

const ENDED = new Set(['REJECTED', 'CLOSED', 'EVALUATED', 'REFERRED']);

export const GridStateChip = ({ value }: { value: string | null | undefined }) => (
  <EnumChip
    value={value}
    messages="app.grid_state"
    color={value && ENDED.has(value) ? 'default' : 'primary'}
    variant="outlined"
  />
);

const StateField = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<GridEventRow>();
  return <GridStateChip value={record?.state} />;
};

/** A new report has no deadline yet: a dash until it is dispatched. */
const DeadlineField = (_props: { label?: string; sortBy?: string }) => {
  const record = useRecordContext<GridEventRow>();
  if (!record?.dueAt) return <>—</>;
  return <DeadlineChip value={record.deadlineStatus} />;
};

/** 网格事件 of the user's jurisdiction, newest report first; late ones red, those near the deadline amber. */
export const GridEventList = () => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const status = (e: GridEventRow) =>
    [
      translate(`app.grid_state.${e.state}`),
      e.dueAt && translate(`app.deadline_status.${e.deadlineStatus}`),
      regionName(e.region),
    ]
      .filter(Boolean)
      .join(' · ');
  return (
    <ResourceList
      filters={gridEventFilters}
      sort={{ field: 'reportedAt', order: 'DESC' }}
      jurisdictionFilter="regionCode"
      phone={{
        primaryText: (e: GridEventRow) => `${e.number} ${translate(`app.grid_category.${e.category}`)}`,
        secondaryText: (e: GridEventRow) => (
          <TwoLines first={status(e)} second={formatDateTime(e.reportedAt, locale)} />
        ),
      }}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="number" sortable={false} />
        <LabelField source="category" messages="app.grid_category" sortable={false} />
        <LabelField source="urgency" messages="app.grid_urgency" sortable={false} />
        <StateField label="resources.gridEvents.fields.state" sortable={false} />
        <DeadlineField label="resources.gridEvents.fields.deadlineStatus" sortBy="dueAt" />
        <RegionLink label="resources.gridEvents.fields.region" sortable={false} />
        <DateTimeField source="reportedAt" />
      </Datagrid>
    </ResourceList>
  );
};
