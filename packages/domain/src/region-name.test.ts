import { baseRegionName, qualifiedRegionName, type RegionNamePart } from './region-name';

const city: RegionNamePart = { name: '哈尔滨市', level: 'CITY' };
const daoli: RegionNamePart = { name: '道里区', level: 'DISTRICT' };
const tongjiang: RegionNamePart = { name: '通江街道', level: 'STREET' };
const shanghong: RegionNamePart = { name: '上红社区', level: 'COMMUNITY' };
const bin: RegionNamePart = { name: '宾县', level: 'COUNTY' };
const wuchang: RegionNamePart = { name: '五常市', level: 'COUNTY_CITY' };
const ningyuan: RegionNamePart = { name: '宁远镇', level: 'TOWNSHIP' };

describe('region names an official can tell apart', () => {
  it('when a grid unit or hamlet is named, then its parent’s name comes first', () => {
    const grid: RegionNamePart = { name: '第1网格', level: 'GRID' };
    expect(baseRegionName(grid, [city, daoli, tongjiang, shanghong])).toBe('上红社区 · 第1网格');
    expect(baseRegionName({ name: '一屯', level: 'HAMLET' }, [city, bin, ningyuan, shanghong])).toBe(
      '上红社区 · 一屯',
    );
    expect(qualifiedRegionName(grid, [city, daoli, tongjiang, shanghong], [])).toBe('上红社区 · 第1网格');
    // Other levels keep their own name, and the root has nothing to put first.
    expect(baseRegionName(shanghong, [city, daoli, tongjiang])).toBe('上红社区');
    expect(baseRegionName(grid, [])).toBe('第1网格');
  });

  it('when no other region has the name, then it is shown alone', () => {
    expect(qualifiedRegionName(tongjiang, [city, daoli], [])).toBe('通江街道');
    expect(qualifiedRegionName(city, [], [])).toBe('哈尔滨市');
  });

  it('when namesakes lie in different townships, then the nearest ancestor tells them apart', () => {
    const village: RegionNamePart = { name: '东升村', level: 'VILLAGE' };
    const otherTown: RegionNamePart = { name: '民乐乡', level: 'TOWNSHIP' };
    expect(qualifiedRegionName(village, [city, bin, ningyuan], [[city, wuchang, otherTown]])).toBe(
      '东升村 (宁远镇)',
    );
  });

  it('when namesakes lie in townships of the same name, then the county is added, top down', () => {
    const village: RegionNamePart = { name: '东升村', level: 'VILLAGE' };
    expect(
      qualifiedRegionName(
        village,
        [city, bin, ningyuan],
        [
          [city, wuchang, ningyuan],
          [city, wuchang, { name: '民乐乡', level: 'TOWNSHIP' }],
        ],
      ),
    ).toBe('东升村 (宾县 · 宁远镇)');
  });

  it('when grid units of namesake communities meet, then the ancestors above the community are added', () => {
    const grid: RegionNamePart = { name: '第1网格', level: 'GRID' };
    const nangang: RegionNamePart = { name: '南岗区', level: 'DISTRICT' };
    const otherStreet: RegionNamePart = { name: '花园街道', level: 'STREET' };
    expect(
      qualifiedRegionName(
        grid,
        [city, daoli, tongjiang, shanghong],
        [[city, nangang, otherStreet, shanghong]],
      ),
    ).toBe('上红社区 · 第1网格 (通江街道)');
  });

  it('when nothing below the city tells namesakes apart, then the whole path below the city is shown', () => {
    const district: RegionNamePart = { name: '测试区', level: 'DISTRICT' };
    expect(qualifiedRegionName(district, [city], [[city]])).toBe('测试区');
    const street: RegionNamePart = { name: '第1街道', level: 'STREET' };
    expect(qualifiedRegionName(street, [city, daoli], [[city, daoli]])).toBe('第1街道 (道里区)');
  });
});
