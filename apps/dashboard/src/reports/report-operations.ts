import type { MonthlyReportState, RegionLevel } from '@qiangji/domain';
import { REGION_REF, type RegionRef } from '../common/region-ref';

const REPORT = `regionCode month state version edition deadline overdue signedAt signedByName availableCommands
  region { ${REGION_REF} level }`;

const SECTIONS = `key title titleEn figures { key label labelEn value unit }`;

/** The monthly report page's operations, run as commands of the regions resource (checked against the schema). */
export const REPORT_OPERATIONS = {
  monthlyReport: `query MonthlyReport($regionCode: String!, $month: String!) {
    result: monthlyReport(regionCode: $regionCode, month: $month) {
      ${REPORT}
      sections { ${SECTIONS} }
      editions { edition signedAt signedByName sections { ${SECTIONS} } }
      timeline { at command fromState toState actorName edition reason }
      children { ${REPORT} }
    }
  }`,
  signMonthlyReport: `mutation SignMonthlyReport($input: SignMonthlyReportInput!) {
    result: signMonthlyReport(input: $input) { ${REPORT} }
  }`,
  reopenMonthlyReport: `mutation ReopenMonthlyReport($input: ReopenMonthlyReportInput!) {
    result: reopenMonthlyReport(input: $input) { ${REPORT} }
  }`,
};

export interface ReportSummary {
  regionCode: string;
  month: string;
  state: MonthlyReportState;
  version: number;
  edition: number;
  deadline: string;
  overdue: boolean;
  signedAt: string | null;
  signedByName: string | null;
  availableCommands: ('SIGN' | 'REOPEN')[];
  region: RegionRef & { level: RegionLevel };
}

export type ReportSections = {
  key: string;
  title: string;
  titleEn: string;
  figures: {
    key: string;
    label: string;
    labelEn: string;
    value: number | null;
    unit: 'COUNT' | 'RATE' | 'DAYS';
  }[];
}[];

export interface MonthlyReportRecord extends ReportSummary {
  sections: ReportSections;
  editions: { edition: number; signedAt: string; signedByName: string; sections: ReportSections }[];
  timeline: {
    at: string;
    command: 'SIGN' | 'REOPEN';
    fromState: MonthlyReportState;
    toState: MonthlyReportState;
    actorName: string;
    edition: number;
    reason: string | null;
  }[];
  children: ReportSummary[];
}
