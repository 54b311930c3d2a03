import {
  constantCase,
  isReportOverdue,
  isReportTier,
  MONTHLY_REPORT_MACHINE,
  monthDays,
  monthlyReportDeadline,
  parseReportMonth,
  REGION_LEVEL_TIER,
  reportCommandRefusal,
  type MonthlyReportCommand,
  type MonthlyReportCommandDetails,
  type MonthlyReportState,
  type RegionTier,
} from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import { atomically, inScope, requireAction, requirePrincipal, scopePath } from '../../common/authz';
import { runCommand, type CommandStep, type CommandTarget } from '../../common/command';
import type { ReportScope, ReportSection, SectionCounts } from '../../common/report-section';
import { checkText, Params } from '../../common/sql';
import { timelinesOf, defineTimeline } from '../../common/timeline';
import type { RequestContext } from '../../server/context';
import type {
  MonthlyReportEdition,
  MonthlyReportEvent,
  MonthlyReportRow,
  ReopenMonthlyReportInput,
  ReportSectionType,
  SignMonthlyReportInput,
} from './report.types';

const COLUMNS = `r.id, r.region_code AS "regionCode", r.region_path::text AS path, to_char(r.month, 'YYYY-MM') AS month,
  r.state, r.edition, r.signed_at AS "signedAt", r.signed_by_name AS "signedByName", r.version`;
const RETURNING = COLUMNS.replaceAll('r.', 'monthly_report.');

type StoredReport = MonthlyReportRow & { id: string };

/**
 * A report and where it stands in the tree: its tier decides its deadline and who signs it. A report read by
 * `get` carries its children's reports, read in the same statement.
 */
export type Report = MonthlyReportRow & { tier: RegionTier; children?: Report[] };

/** A section as a report keeps it: figures with both labels (the snapshot of a signed edition). */
export interface SectionSnapshot {
  key: string;
  title: { zh: string; en: string };
  figures: { key: string; label: { zh: string; en: string }; value: number | null; unit: string }[];
}

/**
 * Monthly reports (月报): the figures every module declares (`reportSections`) for a region's subtree and a month,
 * live until the region's officer signs them, then frozen as an edition; the level above reopens a signed report
 * for a new edition, and every edition stays readable. Sign-off runs level by level (`reportCommandRefusal`).
 */
/** The reports' timeline: each sign-off and reopening. */
const REPORT_TIMELINE = defineTimeline('monthly_report_event', 'monthly_report', 'report_id', 'reportId');

export class MonthlyReportService {
  private readonly target: CommandTarget<MonthlyReportState, MonthlyReportCommandDetails, StoredReport>;

  constructor(private readonly sections: readonly ReportSection[]) {
    this.target = {
      ref: { table: 'monthly_report', label: 'Monthly report' },
      entityType: 'MonthlyReport',
      auditPrefix: 'monthlyReport',
      machine: MONTHLY_REPORT_MACHINE,
      returning: RETURNING,
      load: async (_ctx, m, id) => {
        const [row] = await m.query(
          `SELECT ${COLUMNS} FROM monthly_report r WHERE r.id = $1::uuid FOR UPDATE`,
          [id],
        );
        return row;
      },
      timeline: REPORT_TIMELINE,
    };
  }

  /** The report of a region (a community or village, a street or township, a district or county, the city) for a month. */
  async get(ctx: RequestContext, regionCode: string, monthValue: string): Promise<Report> {
    requireAction(ctx, 'report:read');
    const month = parseReportMonth(monthValue);
    const path = await scopePath(ctx, regionCode);
    const tier = await this.tierOf(ctx, regionCode);
    if (!isReportTier(tier))
      throw AppError.badInput(
        'Communities and villages, streets and townships, districts and counties and the city sign reports; grid units are in their community’s.',
        'regionCode',
      );
    const children = await this.childRegions(ctx, regionCode, tier);
    const [report, ...rest] = await this.reportsOf(
      ctx,
      [{ code: regionCode, path, tier }, ...children],
      month,
    );
    return { ...report, children: rest };
  }

  /** The reports of the child regions for the same month (the city's view of its districts), one statement. */
  async childrenOf(ctx: RequestContext, report: Report): Promise<Report[]> {
    return (
      report.children ??
      this.reportsOf(ctx, await this.childRegions(ctx, report.regionCode, report.tier), report.month)
    );
  }

  /** The child regions that sign reports, from the tree in memory (none below a community or village). */
  private async childRegions(ctx: RequestContext, code: string, tier: RegionTier) {
    if (tier === 'VILLAGE') return [];
    const children = await ctx.services.region.currentChildrenOf(ctx, code);
    return children
      .map((c) => ({ code: c.code, path: c.path, tier: REGION_LEVEL_TIER[c.level] }))
      .filter((c) => isReportTier(c.tier));
  }

  deadline(report: Report): string {
    return monthlyReportDeadline(report.month, report.tier);
  }

  overdue(report: Report): boolean {
    return isReportOverdue(this.deadline(report), report.state);
  }

  /** The figures: the latest signed edition's while the report is signed, else computed now. */
  async sectionsOf(ctx: RequestContext, report: Report): Promise<ReportSectionType[]> {
    if (report.state === 'SIGNED') {
      const editions = await ctx.loaders.report.editions.load(report.id!);
      return editions.find((e) => e.edition === report.edition)!.sections;
    }
    return this.assemble(ctx, report).then(shown);
  }

  /** Every signed edition of the reports, oldest first, with their frozen figures. */
  async editionsOf(ctx: RequestContext, reportIds: readonly string[]) {
    const rows: (Omit<MonthlyReportEdition, 'sections'> & {
      reportId: string;
      sections: SectionSnapshot[];
    })[] = await inScope(ctx, (m) =>
      m.query(
        `SELECT e.report_id AS "reportId", e.edition, e.signed_at AS "signedAt", e.signed_by_name AS "signedByName",
             e.sections
           FROM monthly_report_edition e WHERE e.report_id = ANY($1::uuid[]) ORDER BY e.report_id, e.edition`,
        [reportIds],
      ),
    );
    return rows.map((e) => ({ ...e, sections: shown(e.sections) }));
  }

  async timelineOf(ctx: RequestContext, reportIds: readonly string[]) {
    const rows: (Omit<MonthlyReportEvent, 'edition' | 'reason'> & {
      reportId: string;
      details: { edition: number; reason?: string };
    })[] = await timelinesOf(ctx, REPORT_TIMELINE, reportIds);
    return rows.map(({ details, ...e }) => ({
      ...e,
      // As the GraphQL enum names the machine's commands: SIGN, REOPEN.
      command: constantCase(e.command),
      edition: details.edition,
      reason: details.reason ?? null,
    }));
  }

  /** The commands the caller may take now, by the machine and the sign-off rules (the dashboard's buttons). */
  async availableCommands(ctx: RequestContext, report: Report): Promise<MonthlyReportCommand[]> {
    const principal = requirePrincipal(ctx);
    const commands = MONTHLY_REPORT_MACHINE.available(report.state, principal.roles);
    const allowed = await Promise.all(
      commands.map(async (c) => (await this.refusal(ctx, report, c)) === null),
    );
    return commands.filter((_, i) => allowed[i]);
  }

  /**
   * The figures of every section for the report's subtree and month, as they are now: every section's counts
   * (its module's rollups) in one statement, the figures from them with the domain's formulas.
   */
  async assemble(ctx: RequestContext, report: Report): Promise<SectionSnapshot[]> {
    for (const { action } of this.sections) if (action) requireAction(ctx, action);
    const scope: ReportScope = {
      regionCode: report.regionCode,
      path: report.path,
      month: report.month,
      ...monthDays(report.month),
    };
    const p = new Params();
    const counts = this.sections.map((s, i) => `${s.counts(p, scope)} AS "${i}"`);
    const [row]: Record<string, SectionCounts>[] = await inScope(ctx, (m) =>
      m.query(`SELECT ${counts.join(',\n')}`, p.params),
    );
    return this.sections.map((s, i) => ({ key: s.key, title: s.title, figures: s.figures(row[i], scope) }));
  }

  /** 审核签发: freezes the figures as they are now into a new edition. */
  sign(ctx: RequestContext, input: SignMonthlyReportInput): Promise<Report> {
    return this.command(ctx, input, 'sign', async (report, m) => {
      const edition = report.edition + 1;
      const sections = await this.assemble(ctx, report);
      const signedBy = requirePrincipal(ctx);
      await m.query(
        `INSERT INTO monthly_report_edition (report_id, region_code, edition, sections, signed_by, signed_by_name)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6)`,
        [
          report.id,
          report.regionCode,
          edition,
          JSON.stringify(sections),
          signedBy.kind === 'USER' ? signedBy.id : null,
          signedBy.displayName,
        ],
      );
      return {
        set: { edition, signed_at: new Date(), signed_by_name: signedBy.displayName },
        details: { edition },
      };
    });
  }

  /** 退回重报: the level above sends a signed report back; the next signature makes a new edition. */
  reopen(ctx: RequestContext, input: ReopenMonthlyReportInput): Promise<Report> {
    const reason = checkText(input.reason, 'reason', 500, 2);
    return this.command(ctx, input, 'reopen', async (report) => ({
      details: { edition: report.edition, reason },
      audited: { reason },
    }));
  }

  private async command<C extends MonthlyReportCommand>(
    ctx: RequestContext,
    input: SignMonthlyReportInput,
    command: C,
    step: (report: Report, m: EntityManager) => Promise<CommandStep<MonthlyReportCommandDetails[C]>>,
  ): Promise<Report> {
    const report = await this.get(ctx, input.regionCode, input.month);
    if (!MONTHLY_REPORT_MACHINE.allows(command, requirePrincipal(ctx).roles))
      throw new AppError('FORBIDDEN', `Your roles do not allow ${command}.`);
    const id = report.id ?? (await this.store(ctx, report));
    const moved = await runCommand(
      ctx,
      this.target,
      { id, expectedVersion: input.expectedVersion },
      command,
      async (row, m) => {
        const current = { ...row, tier: report.tier };
        const refusal = await this.refusal(ctx, current, command);
        if (refusal) throw new AppError(refusal.code, refusal.message);
        return step(current, m);
      },
    );
    return { ...moved, tier: report.tier };
  }

  /** Why the caller may not take the command on the report now (who it is, the children's and parent's state). */
  private async refusal(ctx: RequestContext, report: Report, command: MonthlyReportCommand) {
    const principal = requirePrincipal(ctx);
    const children = command === 'sign' ? await this.childrenOf(ctx, report) : [];
    const parentCode = report.path.split('.').at(-2);
    const parent =
      command === 'reopen' && parentCode
        ? await this.reportsOf(
            ctx,
            [
              {
                code: parentCode,
                path: report.path.split('.').slice(0, -1).join('.'),
                tier: await this.tierOf(ctx, parentCode),
              },
            ],
            report.month,
          )
        : [];
    return reportCommandRefusal(command, {
      tier: report.tier,
      path: report.path,
      roles: principal.roles,
      jurisdictionPath: principal.jurisdiction.path,
      unsignedChildren: children.filter((c) => c.state !== 'SIGNED').length,
      parentSigned: parent[0]?.state === 'SIGNED',
    });
  }

  /** The row of a report no one had acted on, made at the first command (version 0: the draft's version). */
  private async store(ctx: RequestContext, report: Report): Promise<string> {
    return atomically(ctx, async (m) => {
      await m.query(
        `INSERT INTO monthly_report (region_code, month) VALUES ($1, $2::date) ON CONFLICT (region_code, month) DO NOTHING`,
        [report.regionCode, `${report.month}-01`],
      );
      const [{ id }] = await m.query(
        `SELECT id FROM monthly_report WHERE region_code = $1 AND month = $2::date`,
        [report.regionCode, `${report.month}-01`],
      );
      return id;
    });
  }

  /** The reports of these regions for the month, stored or drafts, in the given order; one statement. */
  private async reportsOf(
    ctx: RequestContext,
    regions: readonly { code: string; path: string; tier: RegionTier }[],
    month: string,
  ): Promise<Report[]> {
    if (!regions.length) return [];
    const p = new Params();
    const rows: StoredReport[] = await inScope(ctx, (m) =>
      m.query(
        `SELECT ${COLUMNS} FROM monthly_report r
         WHERE r.region_code = ANY(${p.param(regions.map((r) => r.code))}) AND r.month = ${p.param(`${month}-01`, 'date')}`,
        p.params,
      ),
    );
    const stored = new Map(rows.map((r) => [r.regionCode, r]));
    return regions.map(({ code, path, tier }) => ({
      ...(stored.get(code) ?? draft(code, path, month)),
      tier,
    }));
  }

  private async tierOf(ctx: RequestContext, code: string): Promise<RegionTier> {
    const [region] = await ctx.services.region.findByCodes(ctx, [code]);
    if (!region) throw AppError.badInput(`Region ${code} does not exist.`, 'regionCode');
    return REGION_LEVEL_TIER[region.level];
  }
}

function draft(regionCode: string, path: string, month: string): MonthlyReportRow {
  return {
    id: null,
    regionCode,
    path,
    month,
    state: 'DRAFT',
    edition: 0,
    signedAt: null,
    signedByName: null,
    version: 0,
  };
}

/** Sections with the labels split as GraphQL answers them (Chinese, and English beside). */
function shown(sections: readonly SectionSnapshot[]): ReportSectionType[] {
  return sections.map((s) => ({
    key: s.key,
    title: s.title.zh,
    titleEn: s.title.en,
    figures: s.figures.map((f) => ({
      key: f.key,
      label: f.label.zh,
      labelEn: f.label.en,
      value: f.value,
      unit: f.unit as never,
    })),
  }));
}
