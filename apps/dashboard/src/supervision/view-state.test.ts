import {
  alertLink,
  changeTone,
  formatChange,
  formatFigure,
  shownChange,
  viewSearch,
  viewStateFromSearch,
} from './view-state';

describe('the command view’s URL and figures', () => {
  const NOW = Date.parse('2026-12-01T04:00:00Z');

  it('when the URL gives nothing, then the jurisdiction and this year in China', () => {
    expect(viewStateFromSearch(new URLSearchParams(), '230100', NOW)).toEqual({
      region: '230100',
      from: '2026-01',
      to: '2026-12',
      kpi: null,
    });
  });

  it('when the URL gives a region, months and a KPI, then they round-trip; a reversed range falls back to the year', () => {
    const state = { region: '230102', from: '2012-04', to: '2012-06', kpi: 'mediationRate' };
    expect(viewStateFromSearch(new URLSearchParams(viewSearch(state)), '230100', NOW)).toEqual(state);
    const reversed = new URLSearchParams({ from: '2012-06', to: '2012-04' });
    expect(viewStateFromSearch(reversed, '230100', NOW)).toMatchObject({ from: '2026-01', to: '2026-12' });
    expect(viewStateFromSearch(new URLSearchParams({ region: 'x' }), '230100', NOW)).toBeNull();
  });

  it('when figures are written, then rates by the domain’s rounding, counts with separators, changes signed', () => {
    expect(formatFigure('PERCENT', 9_917 / 10_368, 'zh-CN')).toBe('95.7%');
    expect(formatFigure('COUNT', 12345, 'zh-CN')).toBe('12,345');
    expect(formatFigure('COUNT', null, 'zh-CN')).toBe('—');
    expect(formatChange('PERCENT', 0.4)).toBe('+0.4');
    expect(formatChange('COUNT', -0.198)).toBe('−19.8%');
  });

  it('when a change rounds to nothing as written, then it is no change, neither better nor worse', () => {
    expect(shownChange('PERCENT', -0.04)).toBe(0);
    expect(formatChange('PERCENT', shownChange('PERCENT', -0.04))).toBe('±0.0');
    expect(changeTone(shownChange('PERCENT', -0.04), true)).toBe('same');
    expect(shownChange('PERCENT', 0.36)).toBe(0.4);
    expect(shownChange('COUNT', -0.1984)).toBe(-0.198);
  });

  it('when a change is coloured, then by the KPI’s sense', () => {
    expect(changeTone(0.4, true)).toBe('better');
    expect(changeTone(3, false)).toBe('worse');
    expect(changeTone(null, true)).toBe('same');
  });
});

describe('an alert’s link', () => {
  it('when followed, then it opens the resource’s list with the alert’s filter as react-admin reads it', () => {
    const link = alertLink({ resource: 'disputeCases', filter: { regionCode: '230102', overdue: true } });
    const [path, query] = link.split('?');
    expect(path).toBe('/disputeCases');
    expect(JSON.parse(new URLSearchParams(query).get('filter')!)).toEqual({
      regionCode: '230102',
      overdue: true,
    });
  });

  it('when the alert is grid units without reports, then it opens the grid-unit list with its filter, as every alert does', () => {
    const filter = { regionCode: '230102', unreportedFrom: '2012-12-25', unreportedTo: '2012-12-31' };
    const [path, query] = alertLink({ resource: 'gridUnits', filter }).split('?');
    expect(path).toBe('/gridUnits');
    expect(JSON.parse(new URLSearchParams(query).get('filter')!)).toEqual(filter);
  });
});
