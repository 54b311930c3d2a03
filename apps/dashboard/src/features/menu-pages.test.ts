import { actionName, type Action } from '@qiangji/domain';
import { FEATURES, featuresFor, menuPagesFor } from '.';

const paths = (name: string, actions: Action[], level: string) =>
  menuPagesFor(
    FEATURES.find((f) => f.name === name)!,
    actions.map(actionName),
    level,
  ).map((page) => page.path);

describe("a feature's pages in the menu", () => {
  it('when an account may read reports, then 月报审签 is in its menu from the city down to a community or village, not in a grid unit', () => {
    for (const level of ['CITY', 'DISTRICT', 'STREET', 'COMMUNITY', 'VILLAGE'])
      expect([level, paths('regions', ['report:read'], level)]).toEqual([level, ['/reports']]);
    expect(paths('regions', ['report:read'], 'GRID')).toEqual([]);
  });

  it('when the account sits in an urban community, then 村情档案 is not offered; in a village or a county it is', () => {
    expect(paths('visits', ['village:read'], 'COMMUNITY')).not.toContain('/village');
    expect(paths('visits', ['village:read'], 'VILLAGE')).toContain('/village');
    expect(paths('visits', ['village:read'], 'COUNTY')).toContain('/village');
  });

  it('when the actions lack a page’s action, then it is not offered at any level', () => {
    expect(paths('regions', [], 'CITY')).toEqual([]);
  });

  it('when an account may read grid units, then the grid-unit list is in its menu; the coverage page above a single grid', () => {
    const lists = (actions: Action[]) => featuresFor(actions.map(actionName)).map((f) => f.name);
    expect(lists(['grid:read'])).toContain('gridUnits');
    expect(lists([])).not.toContain('gridUnits');
    expect(paths('gridUnits', ['grid:read'], 'STREET')).toEqual(['/grid-units']);
    expect(paths('gridUnits', ['grid:read'], 'CITY')).toEqual(['/grid-units']);
    expect(paths('gridUnits', ['grid:read'], 'GRID')).toEqual([]);
  });
});
