import { gcj02ToWgs84, isOutsideChina, wgs84ToGcj02 } from './geo';

describe('GCJ-02 ⇄ WGS-84', () => {
  it('when a Harbin point is shifted to GCJ-02, then it moves a few hundred metres, as map providers do', () => {
    const wgs: [number, number] = [126.5349, 45.8038];
    const [lng, lat] = wgs84ToGcj02(wgs);
    const metresEast = (lng - wgs[0]) * 111_320 * Math.cos((wgs[1] * Math.PI) / 180);
    const metresNorth = (lat - wgs[1]) * 110_540;
    expect(Math.hypot(metresEast, metresNorth)).toBeGreaterThan(100);
    expect(Math.hypot(metresEast, metresNorth)).toBeLessThan(1000);
  });

  it('when a GCJ-02 point is converted back, then the round trip is exact to a millimetre', () => {
    const wgs: [number, number] = [126.612532, 45.762035];
    const [lng, lat] = gcj02ToWgs84(wgs84ToGcj02(wgs));
    expect(lng).toBeCloseTo(wgs[0], 8);
    expect(lat).toBeCloseTo(wgs[1], 8);
  });

  it('when the point is outside China, then both datums agree', () => {
    expect(isOutsideChina([2.35, 48.85])).toBe(true);
    expect(wgs84ToGcj02([2.35, 48.85])).toEqual([2.35, 48.85]);
    expect(gcj02ToWgs84([2.35, 48.85])).toEqual([2.35, 48.85]);
  });
});
