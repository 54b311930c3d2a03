import { useTranslate } from 'react-admin';
import type { To } from 'react-router-dom';
import { regionName, type RegionRef } from '../common/region-ref';
import { FigureTable, type FigureColumn } from './FigureTable';

/** A child region's row of any module's statistics: byChildRegion { regionCode region { … } …figures }. */
export interface ChildRegionRow {
  regionCode: string;
  region: RegionRef;
}

/**
 * The figures of each direct child region (district, township, village …); a row drills down to the same
 * page for that region, same period.
 */
export function ChildRegionTable<R extends ChildRegionRow>({
  title,
  rows,
  columns,
  drillDown,
}: {
  title: string;
  rows: readonly R[];
  columns: readonly FigureColumn<R>[];
  drillDown: (regionCode: string) => To;
}) {
  const translate = useTranslate();
  return (
    <FigureTable
      title={title}
      rowHeader={translate('app.stats.region')}
      rows={rows}
      rowKey={(row) => row.regionCode}
      rowLabel={(row) => regionName(row.region)}
      columns={columns}
      rowLink={(row) => drillDown(row.regionCode)}
    />
  );
}
