import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import {
  ApiKeyResolver,
  AuthResolver,
  SessionUserResolver,
  UserResolver,
} from '../modules/access/access.resolver';
import { AuditResolver } from '../modules/audit/audit.resolver';
import { DisputeCaseResolver, DisputePartyResolver } from '../modules/mediation/dispute-case.resolver';
import { MediatorResolver } from '../modules/mediation/mediator.resolver';
import { CoordinationMeetingResolver, MeetingDecisionResolver } from '../modules/mediation/meeting.resolver';
import {
  LegalClinicServiceResolver,
  MediationOrganizationResolver,
} from '../modules/mediation/organization.resolver';
import { PetitionCaseResolver } from '../modules/mediation/petition.resolver';
import {
  MediationRegionFiguresResolver,
  MediationStatsResolver,
} from '../modules/mediation/mediation-stats.resolver';
import { RegionResolver } from '../modules/region/region.resolver';
import { HouseholdResolver, ResidentResolver } from '../modules/resident/resident.resolver';

/** Resolvers are stateless: they reach the services through the request context. */
export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      RegionResolver,
      AuthResolver,
      SessionUserResolver,
      UserResolver,
      ApiKeyResolver,
      HouseholdResolver,
      ResidentResolver,
      AuditResolver,
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
    validate: { forbidUnknownValues: false },
  });
}
