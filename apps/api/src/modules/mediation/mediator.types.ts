import type { DisputeType, MediatorEmployment } from '@qiangji/domain';
import { DateResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../common/connection';
import { FilteredPageArgs, SubtreeFilter } from '../../common/graphql-types';
import { VersionedInput, VersionedNode } from '../../common/versioned';
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
export class Mediator extends VersionedNode {
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

  /** The account of a mediator who signs in (role MEDIATOR), if any. */
  userId: string | null;
}

@ObjectType()
export class MediatorConnection extends ConnectionType(Mediator) {}

@InputType({ description: 'Every field narrows; a region outside your jurisdiction is FORBIDDEN.' })
export class MediatorFilter extends SubtreeFilter {
  @Field(() => ID, { nullable: true, description: 'Members of this organisation.' })
  organizationId?: string | null;

  @Field(() => [MediatorEmploymentEnum], { nullable: true })
  employment?: MediatorEmployment[] | null;

  @Field(() => DisputeTypeEnum, { nullable: true, description: 'Mediators who specialise in this type.' })
  speciality?: DisputeType | null;

  @Field(() => String, { nullable: true })
  nameContains?: string | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}

@ArgsType()
export class MediatorsArgs extends FilteredPageArgs(MediatorFilter) {}

@InputType()
export class MediatorQualificationInput {
  @Field()
  title: string;

  @Field()
  issuedBy: string;

  @Field(() => DateResolver)
  obtainedOn: Date;
}

@InputType()
export class MediatorTrainingInput {
  @Field()
  title: string;

  @Field(() => DateResolver)
  completedOn: Date;

  @Field(() => Int)
  hours: number;
}

@InputType()
export class RegisterMediatorInput {
  @Field()
  name: string;

  @Field(() => MediatorEmploymentEnum)
  employment: MediatorEmployment;

  @Field(() => [DisputeTypeEnum], { defaultValue: [] })
  specialities: DisputeType[];

  @Field(() => [MediatorQualificationInput], { defaultValue: [] })
  qualifications: MediatorQualificationInput[];

  @Field(() => [MediatorTrainingInput], { defaultValue: [] })
  trainings: MediatorTrainingInput[];

  @Field(() => String, {
    nullable: true,
    description: 'A mainland mobile or landline; stored encrypted, shown masked.',
  })
  phone?: string | null;

  @Field({ description: 'Where the mediator works: inside your jurisdiction.' })
  regionCode: string;

  @Field(() => [ID], {
    defaultValue: [],
    description:
      'Organisations whose region contains the mediator’s (a committee, a centre above, an industry committee).',
  })
  organizationIds: string[];

  @Field(() => ID, {
    nullable: true,
    description: 'The account of a mediator who signs in: a MEDIATOR user of your jurisdiction.',
  })
  userId?: string | null;
}

@InputType({ description: 'Fields left out stay as they are; lists given replace the old ones.' })
export class UpdateMediatorInput extends VersionedInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => MediatorEmploymentEnum, { nullable: true })
  employment?: MediatorEmployment | null;

  @Field(() => [DisputeTypeEnum], { nullable: true })
  specialities?: DisputeType[] | null;

  @Field(() => [MediatorQualificationInput], { nullable: true })
  qualifications?: MediatorQualificationInput[] | null;

  @Field(() => [MediatorTrainingInput], { nullable: true })
  trainings?: MediatorTrainingInput[] | null;

  @Field(() => String, { nullable: true, description: 'An empty string removes the phone.' })
  phone?: string | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;

  @Field(() => [ID], { nullable: true })
  organizationIds?: string[] | null;
}
