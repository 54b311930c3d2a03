import { DateResolver, DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../common/connection';
import { FilteredPageArgs } from '../../common/graphql-types';

@ObjectType({ description: 'One entry of the append-only audit log (审计日志).' })
export class AuditEvent {
  @Field(() => ID)
  id: string;

  @Field(() => DateTimeResolver)
  at: Date;

  @Field({ description: 'USER, API_KEY or SYSTEM.' })
  actorKind: string;

  @Field(() => ID, { nullable: true })
  actorId: string | null;

  @Field()
  actorName: string;

  @Field(() => [String])
  roles: string[];

  @Field({ description: 'e.g. resident.register, resident.reveal, auth.login_failed.' })
  action: string;

  @Field()
  entityType: string;

  @Field(() => String, { nullable: true })
  entityId: string | null;

  @Field(() => JSONResolver, {
    nullable: true,
    description: 'Changed fields: { field: { old, new } }, personal data masked.',
  })
  changes: unknown;

  @Field(() => String, { nullable: true })
  purpose: string | null;

  @Field(() => String, { nullable: true })
  requestId: string | null;

  @Field(() => String, { nullable: true })
  clientIp: string | null;
}

export type AuditEventRow = AuditEvent & { regionPath: string | null };

@InputType()
export class AuditEventFilter {
  @Field(() => [String], { nullable: true })
  action?: string[] | null;

  @Field(() => String, { nullable: true })
  entityType?: string | null;

  @Field(() => String, { nullable: true })
  entityId?: string | null;

  @Field(() => ID, { nullable: true })
  actorId?: string | null;

  @Field(() => DateResolver, { nullable: true, description: 'From this day (inclusive).' })
  from?: string | null;

  @Field(() => DateResolver, { nullable: true, description: 'To this day (inclusive).' })
  to?: string | null;
}

@ArgsType()
export class AuditEventsArgs extends FilteredPageArgs(AuditEventFilter) {}

@ObjectType()
export class AuditEventConnection extends ConnectionType(AuditEvent) {}
