import {
  checkPreventionValue,
  FRACTION_INDICATORS,
  percentagePointChange,
  RESIDENT_TAGS,
  type ResidentTag,
  type SurveyGroup,
  type SurveyQuestion,
} from '@qiangji/domain';
import { AppError } from '../../common/app-error';
import { atomically, inScope, isWithin, requireAction, scopePath, scoped } from '../../common/authz';
import { listPage, SortDirection, fixedSort, type ListQuery, type PageArgs } from '../../common/connection';
import { idempotency, insertOnce } from '../../common/idempotency';
import { checkText, optionalText, pastDay, Where } from '../../common/sql';
import type { RequestContext } from '../../server/context';
import type { AuditService } from '../audit/audit.service';
import type {
  LegalEducationEvent,
  LegalEducationEventFilter,
  PreventionFigure,
  RecordLegalEducationEventInput,
  RecordSatisfactionSurveyInput,
  ResidentTagFigures,
  SatisfactionSurvey,
  SetPreventionFiguresInput,
  SurveyResult,
} from './security.types';

const SURVEY_COLUMNS = `v.id, v.year, v.region_code AS "regionCode", v.sample_size AS "sampleSize", v.method,
  v.source, v.version`;
const EVENT_COLUMNS = `l.id, l.format, l.title, l.held_on::text AS "heldOn", l.region_code AS "regionCode",
  l.audience, l.organiser, l.version`;
/** A result with the previous survey's share for the same question, group and region. */
const RESULT_SQL = `SELECT r.survey_id AS "surveyId", r.year, r.question, r.respondent_group AS "group",
    r.region_code AS "regionCode", r.satisfied::float8 AS satisfied, r.respondents,
    p.satisfied::float8 AS "previousSatisfied", p.year AS "previousYear"
  FROM survey_result r
  LEFT JOIN LATERAL (
    SELECT q.satisfied, q.year FROM survey_result q
    WHERE q.region_code = r.region_code AND q.question = r.question AND q.respondent_group = r.respondent_group
      AND q.year < r.year
    ORDER BY q.year DESC LIMIT 1) p ON true`;

type ResultRow = Omit<SurveyResult, 'changePoints'>;
const withChange = (r: ResultRow): SurveyResult => ({
  ...r,
  changePoints: r.previousSatisfied === null ? null : percentagePointChange(r.satisfied, r.previousSatisfied),
});

/** The change in sense-of-security satisfaction of a region: a KPI tile of supervision. */
export interface SatisfactionFigures {
  year: number | null;
  satisfied: number | null;
  previousYear: number | null;
  previousSatisfied: number | null;
  changePoints: number | null;
}

/** Satisfaction surveys, legal-education events, prevention figures and counts of tagged residents. */
export class SecurityRecordsService {
  constructor(private readonly audit: AuditService) {}

  async surveys(ctx: RequestContext, regionCode: string | null | undefined, args: PageArgs) {
    return listPage(scoped(ctx), { ...(await this.surveyQuery(ctx, regionCode)), args });
  }

  async surveyQuery(
    ctx: RequestContext,
    regionCode: string | null | undefined,
  ): Promise<ListQuery<SatisfactionSurvey>> {
    requireAction(ctx, 'security:read');
    const where = new Where().subtree('v.region_path', await scopePath(ctx, regionCode));
    return {
      from: 'satisfaction_survey v',
      columns: SURVEY_COLUMNS,
      where,
      sort: fixedSort(
        'YEAR',
        { expr: 'v.year', value: (v) => v.year, direction: SortDirection.DESC },
        { expr: 'v.id', of: (v) => v.id },
      ),
    };
  }

  async resultsOf(ctx: RequestContext, surveyIds: readonly string[]): Promise<SurveyResult[]> {
    const rows: ResultRow[] = await inScope(ctx, (m) =>
      m.query(
        `${RESULT_SQL} WHERE r.survey_id = ANY($1::uuid[]) ORDER BY r.survey_id, r.region_code, r.question`,
        [surveyIds],
      ),
    );
    return rows.map(withChange);
  }

  /** Every year's share for one question, group and region, oldest first, with the change from the one before. */
  async trend(ctx: RequestContext, regionCode: string, question: SurveyQuestion, group: SurveyGroup) {
    requireAction(ctx, 'security:read');
    await scopePath(ctx, regionCode);
    const rows: ResultRow[] = await inScope(ctx, (m) =>
      m.query(
        `${RESULT_SQL} WHERE r.region_code = $1 AND r.question = $2 AND r.respondent_group = $3 ORDER BY r.year`,
        [regionCode, question, group],
      ),
    );
    return rows.map(withChange);
  }

  /** The latest sense-of-security result of a region up to a year, and its change: one statement. */
  async senseOfSecurity(ctx: RequestContext, regionCode: string, year: number): Promise<SatisfactionFigures> {
    requireAction(ctx, 'security:read');
    await scopePath(ctx, regionCode);
    const [row] = await inScope(ctx, (m) =>
      m.query(
        `${RESULT_SQL} WHERE r.region_code = $1 AND r.question = 'SENSE_OF_SECURITY' AND r.respondent_group = 'PUBLIC'
           AND r.year <= $2::int ORDER BY r.year DESC LIMIT 1`,
        [regionCode, year],
      ),
    );
    if (!row)
      return { year: null, satisfied: null, previousYear: null, previousSatisfied: null, changePoints: null };
    const { year: y, satisfied, previousYear, previousSatisfied, changePoints } = withChange(row);
    return { year: y, satisfied, previousYear, previousSatisfied, changePoints };
  }

  async recordSurvey(ctx: RequestContext, input: RecordSatisfactionSurveyInput): Promise<SatisfactionSurvey> {
    const principal = requireAction(ctx, 'security:write');
    const path = await scopePath(ctx, input.regionCode);
    if (!Number.isInteger(input.year) || input.year < 1990 || input.year > new Date().getFullYear())
      throw AppError.badInput('year is a past year from 1990.', 'year');
    if (!Number.isInteger(input.sampleSize) || input.sampleSize < 1)
      throw AppError.badInput('sampleSize is a whole number of 1 or more.', 'sampleSize');
    const source = checkText(input.source, 'source', 100);
    if (!input.results.length) throw AppError.badInput('Give at least one result.', 'results');
    const codes = [...new Set(input.results.map((r) => r.regionCode))];
    const paths = new Map((await ctx.services.region.pathsOf(ctx, codes)).map((r) => [r.code, r.path]));
    const seen = new Set<string>();
    input.results.forEach((r, i) => {
      const regionPath = paths.get(r.regionCode);
      if (!regionPath || !isWithin(regionPath, path))
        throw AppError.badInput(
          'A result is for the survey’s region or one inside it.',
          `results.${i}.regionCode`,
        );
      if (!Number.isFinite(r.satisfied) || r.satisfied < 0 || r.satisfied > 1)
        throw AppError.badInput(
          'satisfied is a fraction from 0 to 1 (0.929 for 92.9%).',
          `results.${i}.satisfied`,
        );
      const key = `${r.question}|${r.group}|${r.regionCode}`;
      if (seen.has(key))
        throw AppError.badInput('That question, group and region is given twice.', `results.${i}`);
      seen.add(key);
    });
    const idem = idempotency(principal, input);
    return atomically(ctx, async (m) => {
      const { row: created, replayed } = await insertOnce<SatisfactionSurvey>(
        m,
        { table: 'satisfaction_survey', alias: 'v', columns: SURVEY_COLUMNS },
        {
          year: input.year,
          region_code: input.regionCode,
          sample_size: input.sampleSize,
          method: input.method,
          source,
        },
        idem,
      );
      if (replayed) return created;
      await m.query(
        `INSERT INTO survey_result (survey_id, year, question, respondent_group, region_code, satisfied, respondents)
         SELECT $1::uuid, $2::int, r.question, r."group", r."regionCode", r.satisfied, r.respondents
         FROM jsonb_to_recordset($3::jsonb) AS r (question text, "group" text, "regionCode" text, satisfied numeric,
           respondents int)`,
        [created.id, input.year, JSON.stringify(input.results)],
      );
      await this.audit.record(ctx, m, {
        action: 'satisfactionSurvey.record',
        entityType: 'SatisfactionSurvey',
        entityId: created.id,
        changes: { year: { new: input.year }, results: { new: input.results.length } },
        regionPath: path,
      });
      return created;
    });
  }

  async legalEducationEvents(
    ctx: RequestContext,
    filter: LegalEducationEventFilter | null | undefined,
    args: PageArgs,
  ) {
    return listPage(scoped(ctx), { ...(await this.legalEducationQuery(ctx, filter)), args });
  }

  async legalEducationQuery(
    ctx: RequestContext,
    filter: LegalEducationEventFilter | null | undefined,
  ): Promise<ListQuery<LegalEducationEvent>> {
    requireAction(ctx, 'security:read');
    const where = new Where().subtree('l.region_path', await scopePath(ctx, filter?.regionCode));
    where
      .anyOf('l.format', filter?.format)
      .days(
        'l.held_on',
        { from: filter?.heldFrom, to: filter?.heldTo },
        { from: 'heldFrom', to: 'heldTo' },
        'date',
      );
    return {
      from: 'legal_education_event l',
      columns: EVENT_COLUMNS,
      where,
      sort: fixedSort(
        'HELD_ON',
        { expr: 'l.held_on', value: (l) => l.heldOn, direction: SortDirection.DESC },
        { expr: 'l.id', of: (l) => l.id },
      ),
    };
  }

  async recordLegalEducationEvent(
    ctx: RequestContext,
    input: RecordLegalEducationEventInput,
  ): Promise<LegalEducationEvent> {
    const principal = requireAction(ctx, 'security:write');
    const path = await scopePath(ctx, input.regionCode);
    const title = checkText(input.title, 'title', 200, 2);
    const organiser = checkText(input.organiser, 'organiser', 100);
    const heldOn = pastDay(input.heldOn, 'heldOn');
    if (!Number.isInteger(input.audience) || input.audience < 0)
      throw AppError.badInput('audience is a whole number of 0 or more.', 'audience');
    const idem = idempotency(principal, input);
    return atomically(ctx, async (m) => {
      const { row: created, replayed } = await insertOnce<LegalEducationEvent>(
        m,
        { table: 'legal_education_event', alias: 'l', columns: EVENT_COLUMNS },
        {
          format: input.format,
          title,
          held_on: heldOn,
          region_code: input.regionCode,
          audience: input.audience,
          organiser,
        },
        idem,
      );
      if (replayed) return created;
      await this.audit.record(ctx, m, {
        action: 'legalEducationEvent.record',
        entityType: 'LegalEducationEvent',
        entityId: created.id,
        changes: {
          format: { new: input.format },
          heldOn: { new: heldOn },
          audience: { new: input.audience },
        },
        regionPath: path,
      });
      return created;
    });
  }

  /** A year's figures of the subtree: counts summed over its regions, a coverage only of the region itself. */
  async preventionFigures(
    ctx: RequestContext,
    regionCode: string,
    year: number,
  ): Promise<PreventionFigure[]> {
    requireAction(ctx, 'security:read');
    const path = await scopePath(ctx, regionCode);
    return inScope(ctx, (m) =>
      m.query(
        `SELECT f.indicator, f.name, f.year, sum(f.value)::float8 AS value, count(*)::int AS regions
         FROM prevention_figure f
         WHERE f.region_path <@ $1::ltree AND f.year = $2::int
           AND (f.indicator <> ALL($4::text[]) OR f.region_code = $3)
         GROUP BY f.indicator, f.name, f.year ORDER BY f.indicator, f.name`,
        [path, year, regionCode, FRACTION_INDICATORS],
      ),
    );
  }

  /** Sets a region's figures of a year, one upsert; figures not named stay as they are. */
  async setPreventionFigures(
    ctx: RequestContext,
    input: SetPreventionFiguresInput,
  ): Promise<PreventionFigure[]> {
    requireAction(ctx, 'security:write');
    const path = await scopePath(ctx, input.regionCode);
    if (!Number.isInteger(input.year) || input.year < 1990 || input.year > 2100)
      throw AppError.badInput('year is from 1990.', 'year');
    const figures = input.figures.map((f, i) => {
      const name = optionalText(f.name, `figures.${i}.name`, 100) ?? '';
      if ((f.indicator === 'PROJECT_3531') !== (name !== ''))
        throw AppError.badInput('A "3531" indicator has a name; the others have none.', `figures.${i}.name`);
      checkPreventionValue(f.indicator, f.value);
      return { indicator: f.indicator, name, value: f.value };
    });
    return atomically(ctx, async (m) => {
      await m.query(
        `INSERT INTO prevention_figure (region_code, year, indicator, name, value)
         SELECT $1, $2::int, f.indicator, f.name, f.value FROM jsonb_to_recordset($3::jsonb)
           AS f (indicator text, name text, value numeric)
         ON CONFLICT (region_code, year, indicator, name) DO UPDATE SET value = EXCLUDED.value,
           version = prevention_figure.version + 1, updated_at = now()
         WHERE prevention_figure.value IS DISTINCT FROM EXCLUDED.value`,
        [input.regionCode, input.year, JSON.stringify(figures)],
      );
      await this.audit.record(ctx, m, {
        action: 'preventionFigure.set',
        entityType: 'PreventionFigure',
        changes: {
          regionCode: { new: input.regionCode },
          year: { new: input.year },
          figures: { new: figures },
        },
        regionPath: path,
      });
      return m.query(
        `SELECT f.indicator, f.name, f.year, f.value::float8 AS value, 1 AS regions FROM prevention_figure f
         WHERE f.region_code = $1 AND f.year = $2::int ORDER BY f.indicator, f.name`,
        [input.regionCode, input.year],
      );
    });
  }

  /** Residents with the tags per child region and in total: the counts everyone who reads may see. */
  async tagFigures(
    ctx: RequestContext,
    regionCode: string | null | undefined,
    tags: readonly ResidentTag[] | null | undefined,
  ): Promise<ResidentTagFigures> {
    requireAction(ctx, 'security:read');
    const path = await scopePath(ctx, regionCode);
    const wanted = tags?.length ? tags : RESIDENT_TAGS;
    const rows = await ctx.services.residents.tagCounts(ctx, path, wanted);
    const code = path.split('.').at(-1)!;
    const totals = new Map(rows.filter((r) => r.g === 1).map((r) => [r.tag, r.residents]));
    return {
      regionCode: code,
      totals: wanted.map((tag) => ({ regionCode: code, tag, residents: totals.get(tag) ?? 0 })),
      byChildRegion: rows
        .filter((r) => r.g === 0 && r.child !== null)
        .map((r) => ({ regionCode: r.child!, tag: r.tag, residents: r.residents })),
    };
  }
}
