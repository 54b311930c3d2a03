import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../server/context';
import { DisputeCase } from './dispute-case.types';
import {
  CoordinationMeeting,
  CoordinationMeetingConnection,
  CoordinationMeetingsArgs,
  MeetingDecision,
  RecordCoordinationMeetingInput,
} from './meeting.types';
import { MediationOrganization } from './organization.types';

@Resolver(() => CoordinationMeeting)
export class CoordinationMeetingResolver {
  @Query(() => CoordinationMeeting, { description: 'A meeting of a centre in your jurisdiction.' })
  coordinationMeeting(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return ctx.services.meetings.get(ctx, id);
  }

  @Query(() => CoordinationMeetingConnection, {
    description: 'Meetings of centres in your jurisdiction, newest first.',
  })
  coordinationMeetings(@Ctx() ctx: RequestContext, @Args() { filter, ...page }: CoordinationMeetingsArgs) {
    return ctx.services.meetings.list(ctx, filter, page);
  }

  @Mutation(() => CoordinationMeeting, {
    description:
      'A centre’s monthly meeting with its decisions; each decision also goes on its case’s timeline.',
  })
  recordCoordinationMeeting(@Ctx() ctx: RequestContext, @Arg('input') input: RecordCoordinationMeetingInput) {
    return ctx.services.meetings.record(ctx, input);
  }

  @FieldResolver(() => MediationOrganization, { description: 'The coordination centre.' })
  organization(@Ctx() ctx: RequestContext, @Root() meeting: CoordinationMeeting) {
    return ctx.loaders.mediation.organization.load(meeting.organizationId);
  }

  @FieldResolver(() => [MeetingDecision], { description: 'By case number.' })
  decisions(@Ctx() ctx: RequestContext, @Root() meeting: CoordinationMeeting) {
    return ctx.loaders.mediationRefs.meetingDecisions.load(meeting.id);
  }
}

@Resolver(() => MeetingDecision)
export class MeetingDecisionResolver {
  @FieldResolver(() => DisputeCase, {
    nullable: true,
    description: 'Null if you may no longer see the case.',
  })
  disputeCase(@Ctx() ctx: RequestContext, @Root() decision: MeetingDecision) {
    return ctx.loaders.mediation.disputeCase.load(decision.caseId);
  }
}
