import type { ApplicationChannel, ServiceApplicationState, ServiceQueue } from '@qiangji/domain';
import { DateResolver, DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../common/connection';
import { FilteredPageArgs, SubtreeFilter } from '../../common/graphql-types';
import { VersionedInput, VersionedRow } from '../../common/versioned';
import { ApplicationChannelEnum, ServiceApplicationStateEnum, ServiceQueueEnum } from './service.enums';

@ObjectType({
  description: 'A time slot at a service point for on-site appointments; it cannot be overbooked.',
})
export class ServiceSlot {
  @Field(() => ID)
  id: string;

  @Field({ description: 'The service point (community, village, street).' })
  regionCode: string;

  @Field(() => DateResolver)
  day: string;

  @Field({ description: 'HH:MM, China time.' })
  startsAt: string;

  @Field({ description: 'HH:MM, China time.' })
  endsAt: string;

  @Field(() => Int)
  capacity: number;

  @Field(() => Int)
  booked: number;
}

@ObjectType()
export class ServiceSlotConnection extends ConnectionType(ServiceSlot) {}

@InputType()
export class ServiceSlotFilter extends SubtreeFilter {
  @Field(() => DateResolver, { nullable: true })
  dayFrom?: Date | null;

  @Field(() => DateResolver, { nullable: true })
  dayTo?: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only slots with room left.' })
  available?: boolean | null;
}

@ArgsType()
export class ServiceSlotsArgs extends FilteredPageArgs(ServiceSlotFilter) {}

@InputType()
export class OpenServiceSlotInput {
  @Field({ description: 'A service point in your jurisdiction.' })
  regionCode: string;

  @Field(() => DateResolver)
  day: Date;

  @Field()
  startsAt: string;

  @Field()
  endsAt: string;

  @Field(() => Int)
  capacity: number;
}

@ObjectType({
  description: 'A family member (or other person) applying for the resident, with their real name.',
})
export class ActingPerson {
  @Field()
  name: string;

  @Field({ description: 'e.g. 儿子, 女儿, 配偶.' })
  relationship: string;

  @Field({ description: 'Masked.' })
  idNumber: string;

  @Field(() => String, { nullable: true, description: 'Masked.' })
  phone: string | null;
}

@ObjectType()
export class Appointment {
  @Field(() => ID)
  slotId: string;

  @Field(() => DateResolver)
  day: string;

  @Field()
  startsAt: string;
}

@ObjectType({
  description:
    'What a step recorded (ServiceApplicationCommandDetails): the fields its command has, the others null.',
})
export class ServiceApplicationStepDetails {
  @Field(() => ApplicationChannelEnum, { nullable: true, description: 'submit' })
  channel?: ApplicationChannel | null;
  @Field(() => String, { nullable: true, description: 'accept, returnForMaterial, handleOnSite, complete' })
  note?: string | null;
  @Field(() => [String], { nullable: true, description: 'returnForMaterial: the materials missing' })
  missing?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'resubmit: the materials brought' })
  materials?: string[] | null;
  @Field(() => String, { nullable: true, description: 'reject, withdraw' })
  reason?: string | null;
  @Field(() => ID, { nullable: true, description: 'bookAppointment' })
  slotId?: string | null;
  @Field(() => DateResolver, { nullable: true, description: 'bookAppointment, recordNoShow' })
  day?: string | null;
  @Field(() => String, { nullable: true, description: 'bookAppointment (HH:MM)' })
  startsAt?: string | null;
  @Field(() => String, { nullable: true, description: 'bookAppointment (HH:MM)' })
  endsAt?: string | null;
  @Field(() => Int, { nullable: true, description: 'complete: working days from submission' })
  workingDays?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'complete: within the item’s time limit' })
  onTime?: boolean | null;
}

@ObjectType({ description: 'One step of an application’s life.' })
export class ServiceApplicationEvent {
  @Field(() => ID)
  id: string;

  @Field(() => DateTimeResolver)
  at: Date;

  @Field({ description: 'submit, or a command of SERVICE_APPLICATION_MACHINE.' })
  command: string;

  @Field(() => ServiceApplicationStateEnum, { nullable: true })
  fromState: ServiceApplicationState | null;

  @Field(() => ServiceApplicationStateEnum)
  toState: ServiceApplicationState;

  @Field()
  actorName: string;

  @Field(() => ServiceApplicationStepDetails)
  details: ServiceApplicationStepDetails;

  applicationId: string;
}

@ObjectType({ description: 'A service application (办件) of a registered resident at a service point.' })
export class ServiceApplication extends VersionedRow {
  @Field({ description: 'Readable number: BJ + year of submission + a city-wide sequence, BJ2026-000123.' })
  number: string;

  @Field(() => ID)
  itemId: string;

  @Field({ description: 'The service point handling it.' })
  regionCode: string;

  @Field(() => ApplicationChannelEnum)
  channel: ApplicationChannel;

  @Field(() => ActingPerson, {
    nullable: true,
    description: 'Who applied for the resident, if not the resident.',
  })
  actingFor: ActingPerson | null;

  @Field(() => JSONResolver, { description: 'The form’s answers, as the item’s schema allows them.' })
  answers: Record<string, unknown>;

  @Field(() => [String], { description: 'The materials checked as provided.' })
  materials: string[];

  @Field(() => ServiceApplicationStateEnum)
  state: ServiceApplicationState;

  @Field({
    description: 'Whether an on-site appointment is part of it (copied from the item at submission).',
  })
  onSite: boolean;

  @Field(() => Int)
  timeLimitDays: number;

  @Field(() => DateTimeResolver)
  submittedAt: Date;

  @Field(() => DateTimeResolver, { nullable: true })
  acceptedAt: Date | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description:
      'The end of the last working day of the time limit (weekends, holidays and make-up days counted).',
  })
  dueAt: Date | null;

  @Field(() => DateTimeResolver, { nullable: true })
  completedAt: Date | null;

  @Field({ description: 'The clock runs and dueAt has passed (isServiceApplicationOverdue).' })
  overdue: boolean;

  @Field(() => Appointment, { nullable: true })
  appointment: Appointment | null;

  @Field(() => Int, { description: 'Appointments the applicant missed.' })
  noShows: number;

  @Field(() => String, { nullable: true })
  returnReason: string | null;

  @Field(() => String, { nullable: true })
  rejectReason: string | null;

  @Field(() => String, { nullable: true })
  withdrawReason: string | null;

  @Field(() => Int, { nullable: true, description: 'Working days from submission to completion.' })
  workingDays: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Completed by dueAt.' })
  onTime: boolean | null;

  @Field(() => DateTimeResolver)
  updatedAt: Date;

  /** `created_by`: the portal's key that submitted it may withdraw it (not a field: who keyed it in is staff's). */
  createdBy: string;

  residentId: string;
  category: string;
}

@ObjectType()
export class ServiceApplicationConnection extends ConnectionType(ServiceApplication) {}

@InputType({ description: 'Every field narrows; a region outside your jurisdiction is FORBIDDEN.' })
export class ServiceApplicationFilter extends SubtreeFilter {
  @Field(() => [ServiceApplicationStateEnum], { nullable: true })
  state?: ServiceApplicationState[] | null;

  @Field(() => ServiceQueueEnum, { nullable: true, description: 'A work queue of the service point.' })
  queue?: ServiceQueue | null;

  @Field(() => Boolean, { nullable: true })
  overdue?: boolean | null;

  @Field(() => ID, { nullable: true })
  itemId?: string | null;

  @Field(() => ID, { nullable: true })
  residentId?: string | null;

  @Field(() => DateResolver, { nullable: true })
  submittedFrom?: Date | null;

  @Field(() => DateResolver, { nullable: true })
  submittedTo?: Date | null;

  @Field(() => String, { nullable: true, description: 'Text in the number.' })
  q?: string | null;
}

@ArgsType()
export class ServiceApplicationsArgs extends FilteredPageArgs(ServiceApplicationFilter) {}

@ObjectType({ description: 'How many applications wait in each work queue.' })
export class ServiceQueueCount {
  @Field(() => ServiceQueueEnum)
  queue: ServiceQueue;

  @Field(() => Int)
  count: number;
}

@InputType()
export class ActingPersonInput {
  @Field()
  name: string;

  @Field()
  relationship: string;

  @Field({ description: 'Their ID number: the real-name identity of whoever applies.' })
  idNumber: string;

  @Field(() => String, { nullable: true })
  phone?: string | null;
}

@InputType()
export class SubmitServiceApplicationInput {
  @Field(() => ID)
  itemId: string;

  @Field(() => ID, { description: 'The registered resident the application is for (real name).' })
  residentId: string;

  @Field({
    description: 'The service point: a community, village or street offering the item, in your jurisdiction.',
  })
  regionCode: string;

  @Field(() => ApplicationChannelEnum, { defaultValue: 'WINDOW' })
  channel: ApplicationChannel;

  @Field(() => ActingPersonInput, { nullable: true })
  actingFor?: ActingPersonInput | null;

  @Field(() => JSONResolver, { description: 'The answers keyed by the form’s fields.' })
  answers: Record<string, unknown>;

  @Field(() => [String], {
    defaultValue: [],
    description: 'Names of the materials provided, from the checklist.',
  })
  materials: string[];

  @Field(() => String, {
    nullable: true,
    description: 'A client-chosen key: a retry returns the first result.',
  })
  idempotencyKey?: string | null;
}

@InputType()
export class ServiceApplicationStepInput extends VersionedInput {
  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class ReturnServiceApplicationInput extends VersionedInput {
  @Field(() => [String], { description: 'The materials missing.' })
  missing: string[];

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class ResubmitServiceApplicationInput extends VersionedInput {
  @Field(() => [String], { description: 'The materials provided now (the whole checklist as it stands).' })
  materials: string[];
}

@InputType()
export class ServiceApplicationReasonInput extends VersionedInput {
  @Field()
  reason: string;
}

@InputType()
export class BookServiceAppointmentInput extends VersionedInput {
  @Field(() => ID, { description: 'A slot of the application’s service point with room left.' })
  slotId: string;
}

// One input type per mutation, as the API's conventions ask (AcceptServiceApplicationInput …).
@InputType()
export class AcceptServiceApplicationInput extends ServiceApplicationStepInput {}

@InputType()
export class RecordServiceNoShowInput extends ServiceApplicationStepInput {}

@InputType()
export class HandleServiceApplicationOnSiteInput extends ServiceApplicationStepInput {}

@InputType()
export class CompleteServiceApplicationInput extends ServiceApplicationStepInput {}

@InputType()
export class RejectServiceApplicationInput extends ServiceApplicationReasonInput {}

@InputType()
export class WithdrawServiceApplicationInput extends ServiceApplicationReasonInput {}
