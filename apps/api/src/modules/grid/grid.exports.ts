import {
  DEADLINE_STATUS_LABELS,
  GRID_EVENT_CATEGORY_LABELS,
  GRID_EVENT_SOURCE_LABELS,
  GRID_EVENT_STATE_LABELS,
  GRID_EVENT_URGENCY_LABELS,
  SATISFACTION_LEVEL_LABELS,
  gridEventDeadlineStatus,
} from '@qiangji/domain';
import { chinaDateTime, defineExport, labelOf, placeColumns, withPlaces } from '../../common/export';
import type { Placed } from '../../common/export';
import type { RequestContext } from '../../server/context';
import type { GridEvent } from './grid-event.types';
import { gridUnitFilter, type GridUnit } from './grid-unit.types';

type EventRow = Placed<GridEvent>;

/** 网格事件: the event queue, with its loop's days; the reporter by the name the list shows. */
export const gridEventExport = defineExport<EventRow>({
  list: 'gridEvents',
  title: { zh: '网格事件', en: 'Grid events' },
  entityType: 'GridEvent',
  query: (ctx, { filter, orderBy }) => ctx.services.gridEvents.listQuery(ctx, filter, orderBy),
  placed: true,
  columns: [
    { label: { zh: '编号', en: 'Number' }, value: (e) => e.number, width: 14 },
    {
      label: { zh: '类别', en: 'Category' },
      value: (e, l) => labelOf(GRID_EVENT_CATEGORY_LABELS, e.category, l),
    },
    {
      label: { zh: '紧急程度', en: 'Urgency' },
      value: (e, l) => labelOf(GRID_EVENT_URGENCY_LABELS, e.urgency, l),
    },
    { label: { zh: '状态', en: 'State' }, value: (e, l) => labelOf(GRID_EVENT_STATE_LABELS, e.state, l) },
    {
      label: { zh: '期限状态', en: 'Deadline' },
      value: (e, l) => labelOf(DEADLINE_STATUS_LABELS, gridEventDeadlineStatus(e), l),
    },
    { label: { zh: '来源', en: 'Source' }, value: (e, l) => labelOf(GRID_EVENT_SOURCE_LABELS, e.source, l) },
    { label: { zh: '上报人', en: 'Reporter' }, value: (e) => e.reporterName, width: 12 },
    { label: { zh: '事件描述', en: 'Description' }, value: (e) => e.description, width: 40 },
    { label: { zh: '地址', en: 'Address' }, value: (e) => e.address, width: 24 },
    ...placeColumns<EventRow>({ zh: '网格', en: 'Grid unit' }),
    { label: { zh: '承办', en: 'Assignee' }, value: (e) => e.assignee, width: 16 },
    { label: { zh: '上报时间', en: 'Reported' }, value: (e) => chinaDateTime(e.reportedAt), width: 17 },
    { label: { zh: '办理期限', en: 'Due' }, value: (e) => chinaDateTime(e.dueAt), width: 17 },
    { label: { zh: '办结时间', en: 'Closed' }, value: (e) => chinaDateTime(e.closedAt), width: 17 },
    {
      label: { zh: '满意度', en: 'Satisfaction' },
      value: (e, l) => labelOf(SATISFACTION_LEVEL_LABELS, e.satisfaction, l),
    },
  ],
});

type UnitRow = Placed<GridUnit & { regionCode: string }> & { workers: string };

/** A batch of grid units with their names and their current grid workers (one statement a batch). */
async function withWorkers(ctx: RequestContext, units: GridUnit[]): Promise<UnitRow[]> {
  const assignments = await ctx.services.gridUnits.workersOf(
    ctx,
    units.map((u) => u.code),
  );
  const placed = await withPlaces(
    ctx,
    units.map((u) => ({ ...u, regionCode: u.code })),
  );
  return placed.map((u) => ({
    ...u,
    workers: assignments
      .filter((a) => a.regionCode === u.code && a.validTo == null)
      .map((a) => a.workerName)
      .join('、'),
  }));
}

/** 网格: the grid units valid today and who works each (its `filter`, or the old `arguments`, as the list takes them). */
export const gridUnitExport = defineExport<UnitRow>({
  list: 'gridUnits',
  title: { zh: '网格', en: 'Grid units' },
  entityType: 'GridUnit',
  query: (ctx, { filter, args }) => {
    const f = gridUnitFilter(filter, args);
    return ctx.services.gridUnits.listQuery(
      ctx,
      f.regionCode,
      { from: f.unreportedFrom, to: f.unreportedTo },
      f.q,
    );
  },
  prepare: withWorkers,
  columns: [
    ...placeColumns<UnitRow>({ zh: '网格', en: 'Grid unit' }),
    { label: { zh: '网格员', en: 'Grid workers' }, value: (u) => u.workers, width: 16 },
    { label: { zh: '启用日期', en: 'Valid from' }, value: (u) => u.validFrom, width: 12 },
  ],
});

export const GRID_EXPORTS = [gridEventExport, gridUnitExport];
