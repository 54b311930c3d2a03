import { actionName, type Action } from '@qiangji/domain';
import { FEATURES, featuresFor, menuPagesFor } from '.';

const paths = (name: string, actions: Action[], level: string) =>
  menuPagesFor(
    FEATURES.find((f) => f.name === name)!,
    actions.map(actionName),
    level,
  ).map((page) => page.path);

describe("a feature's pages in the menu", () => {
  it('when a community worker may read reports, then 月报审签 stays out of the menu; a street officer has it', () => {
    expect(paths('regions', ['report:read'], 'COMMUNITY')).toEqual([]);
    expect(paths('regions', ['report:read'], 'STREET')).toEqual(['/reports']);
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
