import { byKeyLoader, groupLoader } from '../../common/loaders';
import type { RequestContext } from '../../server/context';
import type { Posting, StationedCadre, WorkUnit } from './unit.types';
import type { VillageOrganizationMember } from './profile.types';
import type { Assistance, AssistanceEvent, HouseholdIncome, Visit } from './visit.types';
import type { CadreVisitFigures } from './visit.service';

const id = (row: { id: string }) => row.id;

/** Relation fields of villages and cadres, batched per request and always inside the caller's scope. */
export function createVillageLoaders(ctx: RequestContext) {
  const { services } = ctx;
  return {
    workUnit: byKeyLoader<WorkUnit>((ids) => services.workUnits.findByIds(ctx, ids), id),
    cadre: byKeyLoader<StationedCadre>((ids) => services.cadres.findByIds(ctx, ids), id),
    posting: byKeyLoader<Posting>((ids) => services.cadres.findPostingsByIds(ctx, ids), id),
    postingsOfCadre: groupLoader<Posting>(
      (ids) => services.cadres.postingsOfCadres(ctx, ids),
      (p) => p.cadreId,
    ),
    cadreVisitFigures: groupLoader<CadreVisitFigures>(
      (ids) => services.visits.figuresOfCadres(ctx, ids),
      (f) => f.cadreId,
    ),
    postingsOfVillage: groupLoader<Posting>(
      (codes) => services.cadres.postingsInVillages(ctx, codes),
      (p) => p.regionCode,
    ),
    openAssistanceOfVillage: groupLoader<Assistance & { villageCode: string }>(
      (codes) => services.assistance.openInVillages(ctx, codes),
      (a) => a.villageCode,
    ),
    assistanceEvents: groupLoader<AssistanceEvent>(
      (ids) => services.assistance.eventsOf(ctx, ids),
      (e) => e.assistanceId,
    ),
    incomes: groupLoader<HouseholdIncome>(
      (ids) => services.assistance.incomesOf(ctx, ids),
      (i) => i.householdId,
    ),
    visitOfDisputeCase: byKeyLoader<Visit>(
      (ids) => services.visits.findByDisputeCases(ctx, ids),
      (v) => v.disputeCaseId!,
    ),
    organizationMembers: groupLoader<VillageOrganizationMember>(
      (ids) => services.villageProfiles.membersOf(ctx, ids),
      (m) => m.organizationId,
    ),
  };
}

export type VillageLoaders = ReturnType<typeof createVillageLoaders>;
