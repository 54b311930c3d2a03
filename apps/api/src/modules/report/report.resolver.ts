import { constantCase } from '@qiangji/domain';
import { DateResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../server/context';
import { Region } from '../region/region.entity';
import type { Report } from './report.service';
import {
  MonthlyReport,
  MonthlyReportCommandEnum,
  MonthlyReportEdition,
  MonthlyReportEvent,
  ReopenMonthlyReportInput,
  ReportSectionType,
  SignMonthlyReportInput,
} from './report.types';

@Resolver(() => MonthlyReport)
export class MonthlyReportResolver {
  @Query(() => MonthlyReport, {
    description:
      'The monthly report of a community or village, a street or township, a district or county, or the city in your jurisdiction, for a month (YYYY-MM).',
  })
  monthlyReport(
    @Ctx() ctx: RequestContext,
    @Arg('regionCode') regionCode: string,
    @Arg('month') month: string,
  ) {
    return ctx.services.monthlyReports.get(ctx, regionCode, month);
  }

  @Mutation(() => MonthlyReport, {
    description:
      '审核签发: the region’s own officer, once every child region has signed; freezes the figures.',
  })
  signMonthlyReport(@Ctx() ctx: RequestContext, @Arg('input') input: SignMonthlyReportInput) {
    return ctx.services.monthlyReports.sign(ctx, input);
  }

  @Mutation(() => MonthlyReport, {
    description:
      '退回重报: an officer of a level above sends a signed report back for a new edition; audited.',
  })
  reopenMonthlyReport(@Ctx() ctx: RequestContext, @Arg('input') input: ReopenMonthlyReportInput) {
    return ctx.services.monthlyReports.reopen(ctx, input);
  }

  @FieldResolver(() => Region)
  region(@Ctx() ctx: RequestContext, @Root() report: Report) {
    return ctx.loaders.region.byCode.load(report.regionCode);
  }

  @FieldResolver(() => DateResolver, { description: 'The last day to sign it (China time).' })
  deadline(@Ctx() ctx: RequestContext, @Root() report: Report) {
    return ctx.services.monthlyReports.deadline(report);
  }

  @FieldResolver(() => Boolean, { description: 'Past its deadline and not signed.' })
  overdue(@Ctx() ctx: RequestContext, @Root() report: Report) {
    return ctx.services.monthlyReports.overdue(report);
  }

  @FieldResolver(() => [ReportSectionType], {
    description: 'The figures in the fixed layout: the signed edition’s while signed, else as they are now.',
  })
  sections(@Ctx() ctx: RequestContext, @Root() report: Report) {
    return ctx.services.monthlyReports.sectionsOf(ctx, report);
  }

  @FieldResolver(() => [MonthlyReportEdition], { description: 'Every signed edition, oldest first.' })
  async editions(@Ctx() ctx: RequestContext, @Root() report: Report) {
    return report.id ? ctx.loaders.report.editions.load(report.id) : [];
  }

  @FieldResolver(() => [MonthlyReportEvent])
  async timeline(@Ctx() ctx: RequestContext, @Root() report: Report) {
    return report.id ? ctx.loaders.report.timeline.load(report.id) : [];
  }

  @FieldResolver(() => [MonthlyReport], {
    description: 'The reports of the child regions for the month (who has signed, who is late).',
  })
  children(@Ctx() ctx: RequestContext, @Root() report: Report) {
    return ctx.services.monthlyReports.childrenOf(ctx, report);
  }

  @FieldResolver(() => [MonthlyReportCommandEnum], {
    description: 'The steps you may take now (the dashboard’s buttons); the API checks again.',
  })
  async availableCommands(@Ctx() ctx: RequestContext, @Root() report: Report) {
    return (await ctx.services.monthlyReports.availableCommands(ctx, report)).map(constantCase);
  }
}
