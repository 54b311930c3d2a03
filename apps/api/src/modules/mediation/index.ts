import { defineModule } from '../../common/module';
import { seedWhileEmpty } from '../../common/seed-kit';
import { createDisputeCaseLoaders, type DisputeCaseLoaders } from './dispute-case.loaders';
import { DisputeCaseResolver, DisputePartyResolver } from './dispute-case.resolver';
import { DisputeCaseService } from './dispute-case.service';
import { createMediationRefLoaders, type MediationRefLoaders } from './mediation-refs.loaders';
import { MediationRegionFiguresResolver, MediationStatsResolver } from './mediation-stats.resolver';
import { MediationStatsService } from './mediation-stats.service';
import { MediationCommandViewService } from './mediation-command-view.service';
import { MEDIATION_ALERTS, MEDIATION_KPIS } from './mediation-kpis';
import { MEDIATION_REPORT_SECTIONS } from './mediation.report';
import {
  disputeCaseExport,
  meetingExport,
  mediatorExport,
  organizationExport,
  petitionExport,
} from './mediation.exports';
import { DEMO_ACCOUNTS } from '../access/access.seed';
import { linkDemoMediator, seedMediation } from './mediation.seed';
import { MediatorResolver } from './mediator.resolver';
import { MediatorService } from './mediator.service';
import { CoordinationMeetingResolver, MeetingDecisionResolver } from './meeting.resolver';
import { MeetingService } from './meeting.service';
import { LegalClinicServiceResolver, MediationOrganizationResolver } from './organization.resolver';
import { OrganizationService } from './organization.service';
import { PetitionCaseResolver } from './petition.resolver';
import { PetitionService } from './petition.service';

const DEMO_MEDIATOR = DEMO_ACCOUNTS.find((a) => a.role === 'MEDIATOR')!;

declare module '../../common/module' {
  interface ModuleServices {
    organizations: OrganizationService;
    mediators: MediatorService;
    meetings: MeetingService;
    petitions: PetitionService;
    disputeCases: DisputeCaseService;
    mediationStats: MediationStatsService;
    mediationCommandView: MediationCommandViewService;
  }
  interface ModuleLoaders {
    mediation: DisputeCaseLoaders;
    mediationRefs: MediationRefLoaders;
  }
}

/** Grand mediation 大调解: organisations, mediators, dispute cases, coordination meetings, petition backlog. */
export const mediationModule = defineModule({
  name: 'mediation',
  tables: [
    'dispute_case',
    'dispute_case_event',
    'dispute_case_rollup',
    'dispute_outcome_rollup',
    'dispute_party',
    'dispute_recurrence',
    'mediation_organization',
    'mediator',
    'mediator_membership',
    'coordination_meeting',
    'coordination_meeting_decision',
    'petition_case',
    'petition_case_rollup',
    'petition_case_year_rollup',
    'legal_clinic_service',
  ],
  services: (deps, { audit }) => {
    const organizations = new OrganizationService(audit);
    const mediators = new MediatorService(audit, deps.cipher);
    const disputeCases = new DisputeCaseService(
      audit,
      deps.cipher,
      organizations,
      mediators,
      deps.timeLimits,
    );
    return {
      organizations,
      mediators,
      disputeCases,
      meetings: new MeetingService(audit, organizations, disputeCases),
      petitions: new PetitionService(audit, organizations),
      mediationStats: new MediationStatsService(),
      mediationCommandView: new MediationCommandViewService(),
    };
  },
  loaders: (ctx) => ({
    mediation: createDisputeCaseLoaders(ctx),
    mediationRefs: createMediationRefLoaders(ctx),
  }),
  resolvers: [
    DisputeCaseResolver,
    DisputePartyResolver,
    MediationOrganizationResolver,
    LegalClinicServiceResolver,
    MediatorResolver,
    CoordinationMeetingResolver,
    MeetingDecisionResolver,
    PetitionCaseResolver,
    MediationStatsResolver,
    MediationRegionFiguresResolver,
  ],
  seed: seedWhileEmpty('mediation_organization', 'mediation', async ({ m, services, accounts }) => {
    const seeded = await seedMediation(m);
    // The demo `mediator` (延寿镇) serves every committee and the centre of its township: its cases are theirs.
    const id = accounts ? await services.users.idOf(m, DEMO_MEDIATOR.username) : null;
    if (id) await linkDemoMediator(m, { ...DEMO_MEDIATOR, id });
    return seeded;
  }),
  kpis: MEDIATION_KPIS,
  alerts: MEDIATION_ALERTS,
  exports: [disputeCaseExport, petitionExport, mediatorExport, organizationExport, meetingExport],
  reportSections: MEDIATION_REPORT_SECTIONS,
  constraints: {
    mediation_organization_name: {
      code: 'CONFLICT',
      message: 'An organisation of that name exists already in the region.',
      field: 'name',
    },
    mediator_user_id_key: {
      code: 'CONFLICT',
      message: 'That account is already linked to a mediator.',
      field: 'userId',
    },
  },
});
