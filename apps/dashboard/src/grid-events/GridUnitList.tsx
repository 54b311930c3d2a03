import { BooleanField, Datagrid, DateInput, TextField, useRecordContext, useTranslate } from 'react-admin';
import { DayField } from '../common/DateTimeField';
import { useDates } from '../common/use-dates';
import { regionFilter, searchFilter } from '../common/filter-inputs';
import { regionName, type RegionRef } from '../common/region-ref';
import { ResourceList } from '../common/ResourceList';
import { TwoLines } from '../common/TableOrList';

export interface GridUnitRow {
  id: string;
  code: string;
  name: string;
  hasBoundary: boolean;
  lastReportedDay: string | null;
  workers: { id: string; workerName: string; validTo: string | null }[];
  region: RegionRef & { parent: RegionRef | null };
}

/** The unit's page, with its boundary map, workers, households and open events. */
export const gridUnitPath = (code: string) => `/grid-units?code=${code}`;

const gridUnitFilters = [
  searchFilter('q'),
  regionFilter(),
  // The command view's alert "grid units without reports" narrows to these days; they show when it does.
  <DateInput key="unreportedFrom" source="unreportedFrom" />,
  <DateInput key="unreportedTo" source="unreportedTo" />,
];

const currentWorkers = (u: GridUnitRow) =>
  u.workers
    .filter((w) => w.validTo == null)
    .map((w) => w.workerName)
    .join('、');

const WorkersField = (_props: { label?: string }) => {
  const record = useRecordContext<GridUnitRow>();
  const translate = useTranslate();
  if (!record) return null;
  return <>{currentWorkers(record) || translate('app.grid.no_workers')}</>;
};

const CommunityField = (_props: { label?: string }) => {
  const record = useRecordContext<GridUnitRow>();
  return <>{record?.region.parent ? regionName(record.region.parent) : '—'}</>;
};

/**
 * 网格 of the user's jurisdiction, by code: who works each, when it last reported (an event or a zero report),
 * whether its boundary is imported. The command view's alert opens it narrowed to the units without reports.
 */
export const GridUnitList = () => {
  const translate = useTranslate();
  const dates = useDates();
  const lastReport = (u: GridUnitRow) =>
    `${translate('resources.gridUnits.fields.lastReportedDay')}：${u.lastReportedDay ? dates.day(u.lastReportedDay) : translate('app.grid.never_reported')}`;
  const open = (id: string | number) => gridUnitPath(String(id));
  return (
    <ResourceList
      filters={gridUnitFilters}
      jurisdictionFilter="regionCode"
      rowClick={open}
      phone={{
        primaryText: (u: GridUnitRow) => u.name,
        secondaryText: (u: GridUnitRow) => (
          <TwoLines
            first={[u.region.parent && regionName(u.region.parent), u.code].filter(Boolean).join(' · ')}
            second={`${currentWorkers(u) || translate('app.grid.no_workers')} · ${lastReport(u)}`}
          />
        ),
      }}
    >
      <Datagrid rowClick={open} bulkActionButtons={false}>
        <TextField source="name" sortable={false} />
        <TextField source="code" sortable={false} />
        <CommunityField label="resources.gridUnits.fields.community" />
        <WorkersField label="resources.gridUnits.fields.workers" />
        <DayField source="lastReportedDay" sortable={false} emptyText="app.grid.never_reported" />
        <BooleanField source="hasBoundary" sortable={false} />
      </Datagrid>
    </ResourceList>
  );
};
