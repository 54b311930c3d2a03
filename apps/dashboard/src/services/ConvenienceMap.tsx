import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';

export interface MapPoint {
  id: string;
  name: string;
  category: string;
  distanceMeters: number;
  location: { lat: number; lng: number };
}

/** A tile server, when one is configured (VITE_MAP_TILE_URL, e.g. a city's own); none: points on a plain background. */
const TILE_URL = import.meta.env.VITE_MAP_TILE_URL as string | undefined;

/**
 * The 1,000-metre convenience map (社区“1000米”半径便民服务指示图): the circle around the community and the
 * points inside it, drawn as vectors, so that it shows everything even without any tiles.
 */
export default function ConvenienceMap({
  centre,
  radius,
  points,
  label,
}: {
  centre: { lat: number; lng: number };
  radius: number;
  points: MapPoint[];
  label: (p: MapPoint) => string;
}) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const map = L.map(element.current, { attributionControl: Boolean(TILE_URL) });
    // The view first: layers are drawn only on a map that has one.
    map.fitBounds(L.latLng(centre).toBounds(radius * 2), { padding: [8, 8] });
    if (TILE_URL) L.tileLayer(TILE_URL, { maxZoom: 19 }).addTo(map);
    L.circle(centre, { radius, color: '#1565c0', weight: 2, fillOpacity: 0.05 }).addTo(map);
    L.circleMarker(centre, { radius: 7, color: '#c62828', fillOpacity: 1 }).addTo(map);
    for (const p of points)
      L.circleMarker(p.location, { radius: 5, color: '#2e7d32', fillOpacity: 0.8 })
        .bindTooltip(label(p))
        .addTo(map);
    return () => {
      map.remove();
    };
  }, [centre, radius, points, label]);
  return (
    <div
      ref={element}
      data-testid="convenience-map"
      style={{ height: 360, width: '100%', background: '#f4f6f8', borderRadius: 4 }}
    />
  );
}
