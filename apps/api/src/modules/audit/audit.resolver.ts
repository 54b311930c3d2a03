import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../server/context';
import { AuditEventConnection, AuditEventsArgs } from './audit.types';

@Resolver()
export class AuditResolver {
  @Query(() => AuditEventConnection, { description: 'The audit log, newest first (AUDITOR, CITY_ADMIN).' })
  auditEvents(@Ctx() ctx: RequestContext, @Args() { filter, ...page }: AuditEventsArgs) {
    return ctx.services.audit.list(ctx, filter, page);
  }
}
