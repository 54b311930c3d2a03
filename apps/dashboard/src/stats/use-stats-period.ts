import { chinaDay } from '@qiangji/domain';
import { useNavigate, useSearchParams, type To } from 'react-router-dom';
import { useJurisdiction } from '../common/use-jurisdiction';
import { openingYear, periodFromSearch, periodSearch, yearRange, type Period } from './period';
import { useStats } from './use-stats';

/**
 * The region and period of a statistics page: from the URL, or the user's jurisdiction and this year (China
 * time), or the newest year with data (the resource's `years`) when this one has none. The region and period then
 * live in the URL, so a drill-down is a link and the back button goes back up.
 */
export type StatsPeriod = ReturnType<typeof useStatsPeriod>;

export function useStatsPeriod(resource: string, pathname: string) {
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const jurisdiction = useJurisdiction();
  const asked = periodFromSearch(search, jurisdiction?.code);
  const years = useStats<number[]>(resource, 'years', asked ? { regionCode: asked.region } : null);
  const thisYear = Number(chinaDay().slice(0, 4));
  // Without a period in the URL the page waits for the years, to open on one that has data.
  const opening = asked && !asked.range && !years.isPending ? openingYear(years.data ?? [], thisYear) : null;
  const range = asked?.range ?? (opening && yearRange(opening.year));
  const period: Period | null = asked && range ? { region: asked.region, ...range } : null;
  const linkTo = (next: Period): To => ({ pathname, search: periodSearch(next) });
  return {
    jurisdiction,
    asked,
    years,
    thisYear,
    opening,
    period,
    linkTo,
    drillDown: (region: string) => linkTo({ ...period!, region }),
    go: (next: Period) => navigate(linkTo(next)),
  };
}
