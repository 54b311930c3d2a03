import type { DisputeType, RegionLevel } from '@qiangji/domain';
import { REGION_REF, type RegionRef } from '../common/region-ref';

/** The figures of a cohort: the cases accepted (受理) in the range, each counted once for its whole life. */
export interface MediationFigures {
  accepted: number;
  mediated: number;
  failed: number;
  withdrawn: number;
  open: number;
  overdue: number;
  /** mediated ÷ accepted, never rounded (formatPercent rounds for display); null with no case. */
  mediationRate: number | null;
  medianDaysToConclude: number | null;
  followedUp: number;
  honoured: number;
}

export interface MediationStats extends MediationFigures {
  regionCode: string;
  from: string;
  to: string;
  region: RegionRef & { level: RegionLevel };
  byType: (MediationFigures & { type: DisputeType })[];
  /** Months with cases only, oldest first: YYYY-MM. */
  byMonth: (MediationFigures & { month: string })[];
  byChildRegion: (MediationFigures & { regionCode: string; region: RegionRef & { level: RegionLevel } })[];
  petitionBacklog: { backlog: number; resolved: number; resolutionRate: number | null };
  legalClinics: { clinics: number; peopleServed: number; disputesMediated: number; petitionsHandled: number };
}

const FIGURES = `accepted mediated failed withdrawn open overdue mediationRate medianDaysToConclude followedUp honoured`;

/** One read for the whole overview page; run through the disputeCases resource's `stats` operation. */
export const MEDIATION_STATS = `query MediationStats($regionCode: String!, $from: Date!, $to: Date!) {
  result: mediationStats(regionCode: $regionCode, from: $from, to: $to) {
    regionCode from to ${FIGURES}
    region { ${REGION_REF} level }
    byType { type ${FIGURES} }
    byMonth { month ${FIGURES} }
    byChildRegion { regionCode region { ${REGION_REF} level } ${FIGURES} }
    petitionBacklog { backlog resolved resolutionRate }
    legalClinics { clinics peopleServed disputesMediated petitionsHandled }
  }
}`;

/** The years with accepted cases in a region's subtree, newest first: what the year picker offers. */
export const MEDIATION_YEARS = `query MediationYears($regionCode: String) {
  result: mediationYears(regionCode: $regionCode)
}`;
