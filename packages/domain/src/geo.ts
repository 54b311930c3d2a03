/**
 * GCJ-02 ("Mars coordinates"), the obfuscated datum Chinese map providers (AutoNavi, DataV,
 * Tencent) publish in, and WGS-84, the datum of GPS and OpenStreetMap. Converting lets our
 * boundaries line up with GPS readings from grid workers' phones. Outside mainland China the
 * two are identical by definition. Accuracy of the inverse: well under a metre after iteration.
 */
export type LngLat = readonly [lng: number, lat: number];

const A = 6378245.0; // Krasovsky 1940 semi-major axis, as the GCJ-02 algorithm defines it
const EE = 0.006693421622965943;

export function isOutsideChina([lng, lat]: LngLat): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function transformLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function transformLng(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

export function wgs84ToGcj02(point: LngLat): [number, number] {
  const [lng, lat] = point;
  if (isOutsideChina(point)) return [lng, lat];
  const radLat = (lat / 180) * Math.PI;
  const magic = 1 - EE * Math.sin(radLat) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (transformLat(lng - 105, lat - 35) * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (transformLng(lng - 105, lat - 35) * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lng + dLng, lat + dLat];
}

/** The forward transform has no closed inverse: iterate until the round trip lands on the input. */
export function gcj02ToWgs84(point: LngLat): [number, number] {
  let [lng, lat] = point;
  for (let i = 0; i < 10; i++) {
    const [gLng, gLat] = wgs84ToGcj02([lng, lat]);
    const dLng = gLng - point[0];
    const dLat = gLat - point[1];
    lng -= dLng;
    lat -= dLat;
    if (Math.abs(dLng) < 1e-9 && Math.abs(dLat) < 1e-9) break;
  }
  return [lng, lat];
}
