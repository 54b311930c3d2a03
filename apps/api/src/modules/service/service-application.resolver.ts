import { constantCase } from '@qiangji/domain';
import { DateResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../server/context';
import { Region } from '../region/region.entity';
import { Resident } from '../resident/resident.types';
import { ServiceItem } from './catalogue.types';
import {
  AcceptServiceApplicationInput,
  BookServiceAppointmentInput,
  CompleteServiceApplicationInput,
  HandleServiceApplicationOnSiteInput,
  RecordServiceNoShowInput,
  RejectServiceApplicationInput,
  WithdrawServiceApplicationInput,
  OpenServiceSlotInput,
  ResubmitServiceApplicationInput,
  ReturnServiceApplicationInput,
  ServiceApplication,
  ServiceApplicationConnection,
  ServiceApplicationEvent,
  ServiceApplicationsArgs,
  ServiceQueueCount,
  ServiceSlot,
  ServiceSlotConnection,
  ServiceSlotsArgs,
  SubmitServiceApplicationInput,
} from './service-application.types';
import { ServiceApplicationCommandEnum } from './service.enums';
import { ServiceStats } from './service-stats.types';

@Resolver(() => ServiceApplication)
export class ServiceApplicationResolver {
  @Query(() => ServiceApplication, {
    description: 'An application in your jurisdiction. Needs service:read.',
  })
  serviceApplication(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return ctx.services.serviceApplications.get(ctx, id);
  }

  @Query(() => ServiceApplicationConnection, {
    description: 'Applications in your jurisdiction, newest submission first; `queue` gives a work list.',
  })
  serviceApplications(@Ctx() ctx: RequestContext, @Args() { filter, ...page }: ServiceApplicationsArgs) {
    return ctx.services.serviceApplications.list(ctx, filter, page);
  }

  @Query(() => [ServiceQueueCount], {
    description: 'The size of each work queue in a subtree (default: yours).',
  })
  serviceQueue(
    @Ctx() ctx: RequestContext,
    @Arg('regionCode', () => String, { nullable: true }) regionCode?: string | null,
  ) {
    return ctx.services.serviceApplications.queueCounts(ctx, regionCode);
  }

  @Query(() => ServiceSlotConnection, {
    description: 'Appointment slots in your jurisdiction, earliest first.',
  })
  serviceSlots(@Ctx() ctx: RequestContext, @Args() { filter, ...page }: ServiceSlotsArgs) {
    return ctx.services.serviceSlots.list(ctx, filter, page);
  }

  @Query(() => ServiceStats, {
    description:
      'Public-service KPIs of a subtree: the applications submitted from `from` to `to` (China time), by category, month and child region. Needs service:read.',
  })
  serviceStats(
    @Ctx() ctx: RequestContext,
    @Arg('regionCode') regionCode: string,
    @Arg('from', () => DateResolver) from: Date,
    @Arg('to', () => DateResolver) to: Date,
  ) {
    return ctx.services.serviceStats.stats(ctx, regionCode, from, to);
  }

  @Mutation(() => ServiceApplication, {
    description:
      '办件: → SUBMITTED, for a registered resident (by staff at the window or a portal’s API key).',
  })
  submitServiceApplication(@Ctx() ctx: RequestContext, @Arg('input') input: SubmitServiceApplicationInput) {
    return ctx.services.serviceApplications.submit(ctx, input);
  }

  @Mutation(() => ServiceApplication, { description: '受理: SUBMITTED → ACCEPTED.' })
  acceptServiceApplication(@Ctx() ctx: RequestContext, @Arg('input') input: AcceptServiceApplicationInput) {
    return ctx.services.serviceApplications.accept(ctx, input);
  }

  @Mutation(() => ServiceApplication, { description: '退回补正: SUBMITTED → RETURNED; the clock stops.' })
  returnServiceApplication(@Ctx() ctx: RequestContext, @Arg('input') input: ReturnServiceApplicationInput) {
    return ctx.services.serviceApplications.returnForMaterial(ctx, input);
  }

  @Mutation(() => ServiceApplication, {
    description: 'RETURNED → SUBMITTED with the material; the clock restarts.',
  })
  resubmitServiceApplication(
    @Ctx() ctx: RequestContext,
    @Arg('input') input: ResubmitServiceApplicationInput,
  ) {
    return ctx.services.serviceApplications.resubmit(ctx, input);
  }

  @Mutation(() => ServiceApplication, { description: '不予受理: SUBMITTED → REJECTED, with the reason.' })
  rejectServiceApplication(@Ctx() ctx: RequestContext, @Arg('input') input: RejectServiceApplicationInput) {
    return ctx.services.serviceApplications.reject(ctx, input);
  }

  @Mutation(() => ServiceApplication, {
    description: '预约: ACCEPTED → APPOINTMENT_BOOKED in a slot with room; a full slot is CONFLICT.',
  })
  bookServiceAppointment(@Ctx() ctx: RequestContext, @Arg('input') input: BookServiceAppointmentInput) {
    return ctx.services.serviceApplications.bookAppointment(ctx, input);
  }

  @Mutation(() => ServiceApplication, {
    description: '未到场: APPOINTMENT_BOOKED → ACCEPTED, to book again.',
  })
  recordServiceNoShow(@Ctx() ctx: RequestContext, @Arg('input') input: RecordServiceNoShowInput) {
    return ctx.services.serviceApplications.recordNoShow(ctx, input);
  }

  @Mutation(() => ServiceApplication, { description: '现场办理: APPOINTMENT_BOOKED → HANDLED_ON_SITE.' })
  handleServiceApplicationOnSite(
    @Ctx() ctx: RequestContext,
    @Arg('input') input: HandleServiceApplicationOnSiteInput,
  ) {
    return ctx.services.serviceApplications.handleOnSite(ctx, input);
  }

  @Mutation(() => ServiceApplication, {
    description:
      '办结: HANDLED_ON_SITE → COMPLETED (or ACCEPTED → COMPLETED for items without an on-site step).',
  })
  completeServiceApplication(
    @Ctx() ctx: RequestContext,
    @Arg('input') input: CompleteServiceApplicationInput,
  ) {
    return ctx.services.serviceApplications.complete(ctx, input);
  }

  @Mutation(() => ServiceApplication, { description: '撤回: any state before completion → WITHDRAWN.' })
  withdrawServiceApplication(
    @Ctx() ctx: RequestContext,
    @Arg('input') input: WithdrawServiceApplicationInput,
  ) {
    return ctx.services.serviceApplications.withdraw(ctx, input);
  }

  @Mutation(() => ServiceSlot, {
    description: 'Opens an appointment slot at a service point. Needs service:manage.',
  })
  openServiceSlot(@Ctx() ctx: RequestContext, @Arg('input') input: OpenServiceSlotInput) {
    return ctx.services.serviceSlots.open(ctx, input);
  }

  @FieldResolver(() => ServiceItem)
  item(@Ctx() ctx: RequestContext, @Root() a: ServiceApplication) {
    return ctx.loaders.service.item.load(a.itemId);
  }

  @FieldResolver(() => Resident, {
    nullable: true,
    description: 'The resident it is for (needs resident:read; audited like any read of a person).',
  })
  applicant(@Ctx() ctx: RequestContext, @Root() a: ServiceApplication) {
    return ctx.principal?.actions.has('resident:read')
      ? ctx.loaders.service.applicant.load(a.residentId)
      : null;
  }

  @FieldResolver(() => Region)
  region(@Ctx() ctx: RequestContext, @Root() a: ServiceApplication) {
    return ctx.loaders.region.byCode.load(a.regionCode);
  }

  @FieldResolver(() => [ServiceApplicationCommandEnum], {
    description: 'The steps your roles may take now (the dashboard’s buttons); the API checks again.',
  })
  availableCommands(@Ctx() ctx: RequestContext, @Root() a: ServiceApplication) {
    return ctx.services.serviceApplications.availableCommands(ctx, a).map(constantCase);
  }

  @FieldResolver(() => [ServiceApplicationEvent])
  timeline(@Ctx() ctx: RequestContext, @Root() a: ServiceApplication) {
    return ctx.loaders.service.timeline.load(a.id);
  }
}
