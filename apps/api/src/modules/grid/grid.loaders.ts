import DataLoader from 'dataloader';
import { byKeyLoader, groupLoader } from '../../common/loaders';
import type { RequestContext } from '../../server/context';
import type { GridEvent, GridEventStep } from './grid-event.types';
import type { GridWorkerAssignment, HouseholdGridMembership } from './grid-unit.types';

/** Relation fields of the grid module, batched per request inside the caller's scope. */
export function createGridLoaders(ctx: RequestContext) {
  const { services } = ctx;
  return {
    event: byKeyLoader<GridEvent>(
      (ids) => services.gridEvents.findByIds(ctx, ids),
      (e) => e.id,
    ),
    timeline: groupLoader<GridEventStep>(
      (ids) => services.gridEvents.timelineOf(ctx, ids),
      (s) => s.eventId,
    ),
    byDisputeCase: byKeyLoader<GridEvent>(
      (ids) => services.gridEvents.findByDisputeCases(ctx, ids),
      (e) => e.disputeCaseId!,
    ),
    /** Possible duplicates of a page of events: one statement for all of them. */
    duplicates: new DataLoader<GridEvent, GridEvent[], string>(
      async (events) => {
        const probes = events.flatMap((e) =>
          e.lat == null || e.lng == null
            ? []
            : [
                {
                  key: e.id,
                  category: e.category,
                  lat: e.lat,
                  lng: e.lng,
                  at: new Date(e.reportedAt),
                  exceptId: e.id,
                },
              ],
        );
        const found = await services.gridEvents.duplicatesOf(ctx, probes);
        return events.map((e) => found.get(e.id) ?? []);
      },
      { cacheKeyFn: (e) => e.id },
    ),
    workers: groupLoader<GridWorkerAssignment>(
      (codes) => services.gridUnits.workersOf(ctx, codes),
      (a) => a.regionCode,
    ),
    householdHistory: groupLoader<HouseholdGridMembership>(
      (ids) => services.gridUnits.historyOf(ctx, ids),
      (g) => g.householdId,
    ),
  };
}

export type GridLoaders = ReturnType<typeof createGridLoaders>;
