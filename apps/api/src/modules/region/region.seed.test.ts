import { divisionCodeTier, parentDivisionCode } from '@qiangji/domain';
import { demoRegions } from './region.seed';

describe('the demo regions', () => {
  const rows = demoRegions();
  const childrenOf = (code: string) => rows.filter((r) => r.parentCode === code);

  it('when generated twice, then they are identical', () => {
    expect(demoRegions()).toEqual(rows);
  });

  it('when read as a tree, then every code is unique and its parent is the code’s own parent', () => {
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
    for (const r of rows) expect(r.parentCode).toBe(parentDivisionCode(r.code));
  });

  it('when a district is opened, then it has streets or townships, each with communities or villages', () => {
    const districts = childrenOf('230100');
    expect(districts).toHaveLength(18);
    for (const d of districts) {
      const towns = childrenOf(d.code);
      expect(towns.length).toBeGreaterThanOrEqual(2);
      for (const t of towns) expect(childrenOf(t.code).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('when a community or village is opened, then it has 2 to 6 grid units and its households add up', () => {
    for (const unit of rows.filter((r) => divisionCodeTier(r.code) === 'VILLAGE')) {
      const grids = childrenOf(unit.code).filter((r) => r.level === 'GRID');
      expect(grids.length).toBeGreaterThanOrEqual(2);
      expect(grids.length).toBeLessThanOrEqual(6);
      expect(unit.households).toBe(grids.reduce((sum, g) => sum + g.households!, 0));
    }
  });

  it('when siblings are listed, then no two share a name', () => {
    for (const parent of rows) {
      const names = childrenOf(parent.code).map((r) => r.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('when the article’s places are looked up, then they carry their real codes and only generated units say 示例', () => {
    const byCode = new Map(rows.map((r) => [r.code, r]));
    expect(byCode.get('230102010003')?.name).toBe('上红社区居委会');
    expect(byCode.get('230184216200')?.name).toBe('新庄村村委会');
    expect(byCode.get('23012910020401')?.name).toBe('金圣屯');
    const generated = rows.filter((r) => /^(\d{6}9\d\d(\d{3})?|\d{9}9\d\d)$/.test(r.code));
    expect(generated.length).toBeGreaterThan(100);
    for (const r of generated) expect(r.name).toContain('（示例）');
  });
});
