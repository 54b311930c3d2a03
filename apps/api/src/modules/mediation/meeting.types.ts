import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../common/connection';
import { FilteredPageArgs } from '../../common/graphql-types';

@ObjectType({ description: 'What a coordination meeting decided about one dispute case.' })
export class MeetingDecision {
  @Field(() => ID)
  caseId: string;

  @Field()
  decision: string;

  meetingId: string;
}

@ObjectType({
  description:
    'The monthly meeting of a coordination centre (大调解协调中心月例会, first Monday): the departments study open disputes and settle them on the spot.',
})
export class CoordinationMeeting {
  @Field(() => ID)
  id: string;

  @Field(() => DateResolver)
  heldOn: string;

  @Field(() => [String], { description: 'The departments that attended.' })
  attendees: string[];

  @Field()
  notes: string;

  @Field(() => DateTimeResolver)
  createdAt: Date;

  organizationId: string;
}

@ObjectType()
export class CoordinationMeetingConnection extends ConnectionType(CoordinationMeeting) {}

@InputType({ description: 'Every field narrows; a region outside your jurisdiction is FORBIDDEN.' })
export class CoordinationMeetingFilter {
  @Field(() => String, { nullable: true, description: 'Meetings of centres in this region’s subtree.' })
  regionCode?: string | null;

  @Field(() => ID, { nullable: true })
  organizationId?: string | null;

  @Field(() => DateResolver, { nullable: true, description: 'Held on or after this day.' })
  heldFrom?: Date | null;

  @Field(() => DateResolver, { nullable: true, description: 'Held on or before this day.' })
  heldTo?: Date | null;
}

@ArgsType()
export class CoordinationMeetingsArgs extends FilteredPageArgs(CoordinationMeetingFilter) {}

@InputType()
export class MeetingDecisionInput {
  @Field(() => ID, { description: 'A case you may see, placed inside the centre’s region.' })
  caseId: string;

  @Field()
  decision: string;
}

@InputType()
export class RecordCoordinationMeetingInput {
  @Field(() => ID, { description: 'A coordination centre in your jurisdiction.' })
  organizationId: string;

  @Field(() => DateResolver)
  heldOn: Date;

  @Field(() => [String], { description: 'The departments that attended.' })
  attendees: string[];

  @Field({ defaultValue: '' })
  notes: string;

  @Field(() => [MeetingDecisionInput], {
    defaultValue: [],
    description: 'Each decision is also added to its case’s timeline; the case’s state does not change.',
  })
  decisions: MeetingDecisionInput[];
}
