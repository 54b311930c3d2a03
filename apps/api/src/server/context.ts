import { randomUUID } from 'node:crypto';
import type { Action, Role } from '@qiangji/domain';
import type { DataSource } from 'typeorm';
import { PersonalDataCipher } from '../common/personal-data';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { ApiKeyService } from '../modules/access/api-key.service';
import { AuthService } from '../modules/access/auth.service';
import { PrincipalCache } from '../modules/access/principal-cache';
import { UserService } from '../modules/access/user.service';
import { AuditService } from '../modules/audit/audit.service';
import { createDisputeCaseLoaders, type DisputeCaseLoaders } from '../modules/mediation/dispute-case.loaders';
import { DisputeCaseService } from '../modules/mediation/dispute-case.service';
import { MediationStatsService } from '../modules/mediation/mediation-stats.service';
import {
  createMediationRefLoaders,
  type MediationRefLoaders,
} from '../modules/mediation/mediation-refs.loaders';
import { MediatorService } from '../modules/mediation/mediator.service';
import { MeetingService } from '../modules/mediation/meeting.service';
import { OrganizationService } from '../modules/mediation/organization.service';
import { PetitionService } from '../modules/mediation/petition.service';
import { createRegionLoaders, type RegionLoaders } from '../modules/region/region.loaders';
import { RegionService } from '../modules/region/region.service';
import { createResidentLoaders, type ResidentLoaders } from '../modules/resident/resident.loaders';
import { HouseholdService } from '../modules/resident/household.service';
import { ResidentService } from '../modules/resident/resident.service';
import type { Secrets } from '../secrets';
import { DEFAULT_TIME_LIMITS, type TimeLimits } from '@qiangji/domain';

/** One instance of each module's service for the life of the process. */
export function createServices(opts: { secrets: Secrets; auth: Config['auth']; timeLimits?: TimeLimits }) {
  const audit = new AuditService();
  const principals = new PrincipalCache(opts.auth.principalCacheTtl * 1000);
  const region = new RegionService();
  const cipher = new PersonalDataCipher(opts.secrets.dataKey);
  const organizations = new OrganizationService(audit);
  const mediators = new MediatorService(audit, cipher);
  return {
    region,
    audit,
    auth: new AuthService(opts.secrets.jwtSecret, opts.auth, audit, principals),
    users: new UserService(audit, region),
    apiKeys: new ApiKeyService(audit, region, principals),
    households: new HouseholdService(audit),
    residents: new ResidentService(audit, cipher),
    organizations,
    mediators,
    meetings: new MeetingService(audit, organizations),
    petitions: new PetitionService(audit, organizations),
    disputeCases: new DisputeCaseService(
      audit,
      cipher,
      organizations,
      mediators,
      opts.timeLimits ?? DEFAULT_TIME_LIMITS,
    ),
    mediationStats: new MediationStatsService(),
  };
}
export type Services = ReturnType<typeof createServices>;

/** Who is calling: a signed-in user or a district system's API key, with its jurisdiction. */
export interface Principal {
  kind: 'USER' | 'API_KEY';
  id: string;
  /** The login: a username, or an API key's name with its prefix. */
  name: string;
  /** What people call it: a user's display name, an API key's name. */
  displayName: string;
  roles: Role[];
  actions: ReadonlySet<Action>;
  jurisdiction: { code: string; name: string; path: string };
}

export interface RequestContext {
  requestId: string;
  clientIp: string | null;
  db: DataSource;
  logger: Logger;
  services: Services;
  principal: Principal | null;
  loaders: {
    region: RegionLoaders;
    resident: ResidentLoaders;
    mediation: DisputeCaseLoaders;
    mediationRefs: MediationRefLoaders;
  };
}

/** A context per GraphQL request (or per CLI run): loaders cache for its lifetime only. */
export function createContext(opts: {
  db: DataSource;
  logger: Logger;
  services: Services;
  requestId?: string;
  clientIp?: string | null;
  principal?: Principal | null;
}): RequestContext {
  const requestId = opts.requestId ?? randomUUID();
  const ctx = {
    ...opts,
    requestId,
    clientIp: opts.clientIp ?? null,
    principal: opts.principal ?? null,
    logger: opts.logger.child({ requestId }),
  } as RequestContext;
  ctx.loaders = {
    region: createRegionLoaders(ctx, opts.services.region),
    resident: createResidentLoaders(ctx, opts.services),
    mediation: createDisputeCaseLoaders(ctx, opts.services),
    mediationRefs: createMediationRefLoaders(ctx, opts.services),
  };
  return ctx;
}
