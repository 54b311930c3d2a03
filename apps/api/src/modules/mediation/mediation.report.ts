import { countFigure, daysFigure, rateFigure, type ReportSection } from '../../common/report-section';

/** Grand mediation's part of the monthly report: the month's cohort of accepted cases, petitions and clinics. */
export const MEDIATION_REPORT_SECTIONS: ReportSection[] = [
  {
    key: 'mediation',
    title: { zh: '矛盾纠纷调解', en: 'Dispute mediation' },
    figures: async (ctx, scope) => {
      const f = await ctx.services.mediationStats.totals(ctx, scope);
      return [
        countFigure('accepted', { zh: '本月受理纠纷', en: 'Disputes accepted' }, f.accepted),
        countFigure('mediated', { zh: '调解成功', en: 'Mediated' }, f.mediated),
        countFigure('failed', { zh: '调解不成', en: 'Not mediated' }, f.failed),
        countFigure('withdrawn', { zh: '撤回', en: 'Withdrawn' }, f.withdrawn),
        countFigure('open', { zh: '尚未办结', en: 'Still open' }, f.open),
        countFigure('overdue', { zh: '其中超期', en: 'Of them overdue' }, f.overdue),
        rateFigure('mediationRate', { zh: '调解成功率', en: 'Mediation rate' }, f.mediationRate),
        daysFigure(
          'medianDaysToConclude',
          { zh: '办结用时中位数（天）', en: 'Median days to conclude' },
          f.medianDaysToConclude,
        ),
      ];
    },
  },
  {
    key: 'petitions',
    title: { zh: '信访积案化解', en: 'Petition backlog' },
    figures: async (ctx, scope) => {
      const [backlog, clinics] = await Promise.all([
        ctx.services.mediationStats.petitionBacklog(ctx, scope),
        ctx.services.mediationStats.legalClinics(ctx, scope),
      ]);
      return [
        countFigure('backlog', { zh: '信访积案', en: 'Backlog cases' }, backlog.backlog),
        countFigure('resolved', { zh: '本月化解', en: 'Resolved this month' }, backlog.resolved),
        rateFigure('resolutionRate', { zh: '积案化解率', en: 'Resolution rate' }, backlog.resolutionRate),
        countFigure(
          'clinicPeopleServed',
          { zh: '法律诊所服务人次', en: 'People served by legal clinics' },
          clinics.peopleServed,
        ),
      ];
    },
  },
];
