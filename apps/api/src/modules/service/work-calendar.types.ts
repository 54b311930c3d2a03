import type { WorkCalendarKind } from '@qiangji/domain';
import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { WorkCalendarKindEnum } from './service.enums';

@ObjectType({
  description:
    'A line of the State Council’s holiday notice: the days off of a public holiday, or a weekend day worked (调休).',
})
export class WorkCalendarEntry {
  @Field(() => ID)
  id: string;

  @Field(() => WorkCalendarKindEnum)
  kind: WorkCalendarKind;

  @Field({ description: '春节, 国庆节调休, …' })
  name: string;

  @Field(() => DateResolver)
  firstDay: string;

  @Field(() => DateResolver, { description: 'The same as firstDay for a make-up working day.' })
  lastDay: string;

  @Field({ description: 'Who entered it.' })
  createdByName: string;

  @Field(() => DateTimeResolver)
  createdAt: Date;
}

@ObjectType()
export class WorkCalendarEntryConnection extends ConnectionType(WorkCalendarEntry) {}

@InputType()
export class WorkCalendarEntryFilter {
  @Field(() => Int, { nullable: true, description: 'Entries whose first day is in this year.' })
  year?: number | null;
}

@ArgsType()
export class WorkCalendarArgs extends PageArgs {
  @Field(() => WorkCalendarEntryFilter, { nullable: true })
  filter?: WorkCalendarEntryFilter | null;
}

@InputType()
export class AddWorkCalendarEntryInput {
  @Field(() => WorkCalendarKindEnum)
  kind: WorkCalendarKind;

  @Field()
  name: string;

  @Field(() => DateResolver)
  firstDay: Date;

  @Field(() => DateResolver, {
    nullable: true,
    description: 'Omitted: the first day (a make-up working day).',
  })
  lastDay?: Date | null;
}
