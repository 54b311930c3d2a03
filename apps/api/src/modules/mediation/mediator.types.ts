import type { DisputeType, MediatorEmployment } from '@qiangji/domain';
import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DisputeTypeEnum, MediatorEmploymentEnum } from './mediation.enums';

@ObjectType()
export class MediatorQualification {
  @Field()
  title: string;

  @Field()
  issuedBy: string;

  @Field(() => DateResolver)
  obtainedOn: string;
}

@ObjectType()
export class MediatorTraining {
  @Field()
  title: string;

  @Field(() => DateResolver)
  completedOn: string;

  @Field(() => Int)
  hours: number;
}

@ObjectType({
  description: 'A people’s mediator (人民调解员), full-time or part-time. Scoped by jurisdiction.',
})
export class Mediator {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => MediatorEmploymentEnum)
  employment: MediatorEmployment;

  @Field(() => [DisputeTypeEnum], { description: 'The dispute types the mediator specialises in.' })
  specialities: DisputeType[];

  @Field(() => [MediatorQualification])
  qualifications: MediatorQualification[];

  @Field(() => [MediatorTraining])
  trainings: MediatorTraining[];

  @Field(() => String, { nullable: true, description: 'Masked: 138****5678.' })
  phone: string | null;

  @Field({ description: 'Where the mediator works.' })
  regionCode: string;

  @Field()
  active: boolean;

  @Field(() => Int)
  version: number;

  @Field(() => DateTimeResolver)
  createdAt: Date;

  @Field(() => DateTimeResolver)
  updatedAt: Date;

  /** The account of a mediator who signs in (role MEDIATOR), if any. */
  userId: string | null;
}
