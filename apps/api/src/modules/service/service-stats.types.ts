import type { ServiceApplicationState, ServiceCategory } from '@qiangji/domain';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { InRange, OfMonth, OfRegion } from '../../common/graphql-types';
import { ServiceApplicationStateEnum, ServiceCategoryEnum } from './service.enums';

@ObjectType()
export class ServiceStateCount {
  @Field(() => ServiceApplicationStateEnum)
  state: ServiceApplicationState;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'Figures of the applications submitted in the period.' })
export class ServiceFigures {
  @Field(() => Int)
  submitted: number;

  @Field(() => [ServiceStateCount], { description: 'Where they stand now, every state listed.' })
  byState: ServiceStateCount[];

  @Field(() => Int)
  completed: number;

  @Field(() => Int, { description: 'Completed by their dueAt.' })
  completedOnTime: number;

  @Field(() => Float, {
    nullable: true,
    description: 'completedOnTime ÷ completed (onTimeRate); null without any.',
  })
  onTimeRate: number | null;

  @Field(() => Float, { nullable: true, description: 'Median working days from submission to completion.' })
  medianWorkingDays: number | null;

  @Field(() => Int, { description: 'Open, past their dueAt now.' })
  overdue: number;

  @Field(() => Int, { description: 'Appointments kept (handled on site).' })
  appointmentsKept: number;

  @Field(() => Int, { description: 'Appointments missed (no-shows).' })
  appointmentsMissed: number;

  @Field(() => Float, { nullable: true, description: 'kept ÷ (kept + missed) (appointmentKeptRate).' })
  appointmentKeptRate: number | null;
}

@ObjectType()
export class ServiceCategoryFigures extends ServiceFigures {
  @Field(() => ServiceCategoryEnum)
  category: ServiceCategory;
}

@ObjectType()
export class ServiceMonthFigures extends OfMonth(ServiceFigures, 'YYYY-MM, China time, of submission.') {}

@ObjectType()
export class ServiceRegionFigures extends OfRegion(ServiceFigures) {}

@ObjectType({
  description:
    'serviceStats: applications submitted in the period in a subtree, each figure set one statement; children add up to the parent (less what is placed on the region itself).',
})
export class ServiceStats extends InRange(ServiceFigures) {
  @Field(() => [ServiceCategoryFigures])
  byCategory: ServiceCategoryFigures[];

  @Field(() => [ServiceMonthFigures])
  byMonth: ServiceMonthFigures[];

  @Field(() => [ServiceRegionFigures])
  byChildRegion: ServiceRegionFigures[];
}
