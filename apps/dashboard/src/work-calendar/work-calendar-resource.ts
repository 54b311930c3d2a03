import { filterMapper } from '../filter-mapper';
import { nodeResource } from '../graphql-resource';
import { trimmed } from '../write-input';

/** A make-up working day is one day: the form leaves the last day empty. */
export function toAddWorkCalendarEntryInput(data: Record<string, unknown>) {
  return {
    kind: String(data.kind),
    name: trimmed(data.name),
    firstDay: data.firstDay,
    ...(data.kind === 'HOLIDAY' && data.lastDay ? { lastDay: data.lastDay } : {}),
  };
}

export const workCalendarResource = {
  ...nodeResource('WorkCalendarEntry', {
    key: false,
    listFields: 'id kind name firstDay lastDay createdByName createdAt',
    exportable: true,
    toFilter: filterMapper('workCalendarEntries', { year: Number }),
    create: { field: 'addWorkCalendarEntry', toInput: toAddWorkCalendarEntryInput },
    commands: {
      delete: `mutation WorkCalendarEntryDelete($id: ID!) { result: deleteWorkCalendarEntry(id: $id) { id } }`,
    },
  }),
  listField: 'workCalendarEntries',
};
