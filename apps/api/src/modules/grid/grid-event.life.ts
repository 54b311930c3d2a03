import {
  GRID_EVENT_MACHINE,
  gridEventDeadline,
  type GridEventCategory,
  type GridEventCommandDetails,
  type GridEventState,
  type GridEventUrgency,
} from '@qiangji/domain';
import { defineLifecycle } from '../../common/seed-kit';

/** A grid event as the seed holds it: the columns the API's report and steps write. */
export interface GridEventRow {
  id: string;
  source: string;
  category: GridEventCategory;
  urgency: GridEventUrgency;
  regionCode: string;
  lat: number | null;
  lng: number | null;
  address: string | null;
  description: string;
  photoRefs: string[];
  state: GridEventState;
  version: number;
  reporterName: string;
  reportedAt: Date;
  rejection: string | null;
  duplicateOfId: string | null;
  assigneeKind: string | null;
  assignee: string | null;
  dispatchedAt: Date | null;
  dueAt: Date | null;
  atRiskAt: Date | null;
  disposalResult: string | null;
  disposedAt: Date | null;
  verifiedAt: Date | null;
  closedAt: Date | null;
  satisfaction: string | null;
  evaluationComment: string | null;
  disputeCaseId: string | null;
}

/** What each command of `GridEventService` sets, so that a seeded event is one the API could have left. */
export const GRID_EVENT_LIFE = defineLifecycle<GridEventState, GridEventCommandDetails, GridEventRow>({
  machine: GRID_EVENT_MACHINE,
  roles: ['CITY_ADMIN'],
  effects: {
    file: () => ({}),
    reject: (d) => ({ rejection: d.reason, duplicateOfId: d.duplicateOfId }),
    dispatch: (d, at) => ({ assigneeKind: d.assigneeKind, assignee: d.assignee, dispatchedAt: at }),
    startDisposal: () => ({}),
    dispose: (d, at) => ({ disposalResult: d.result, disposedAt: at }),
    verify: (_d, at) => ({ verifiedAt: at }),
    sendBack: () => ({ disposalResult: null, disposedAt: null }),
    close: (_d, at) => ({ closedAt: at }),
    evaluate: (d) => ({ satisfaction: d.satisfaction, evaluationComment: d.comment }),
    referToMediation: (d) => ({ disputeCaseId: d.disputeCaseId }),
  },
  // The deadline runs from the dispatch, by category and urgency, as `dispatch` sets it.
  derive: (e) =>
    e.dispatchedAt
      ? gridEventDeadline(e.category, e.urgency, e.dispatchedAt)
      : { dueAt: null, atRiskAt: null },
});
