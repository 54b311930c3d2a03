import type { GeoJsonObject } from 'geojson';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';

export interface LatLng {
  lat: number;
  lng: number;
}

export interface MapMarker {
  id: string;
  location: LatLng;
  label: string;
}

/** A tile server, when one is configured (VITE_MAP_TILE_URL, e.g. a city's own); none: vectors on a plain background. */
const TILE_URL = import.meta.env.VITE_MAP_TILE_URL as string | undefined;

/**
 * A map drawn as vectors, so that it shows everything even without any tiles: a region's boundary when one was
 * imported, a circle around a centre (the 1,000-metre convenience map, 社区“1000米”半径便民服务指示图), and
 * markers with their labels. The view fits the boundary, else the circle, else the markers.
 */
export default function VectorMap({
  boundary,
  circle,
  markers,
  testId,
}: {
  boundary?: GeoJsonObject | null;
  circle?: { centre: LatLng; radius: number };
  markers: readonly MapMarker[];
  testId: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const map = L.map(element.current, { attributionControl: Boolean(TILE_URL) });
    const outline = boundary
      ? L.geoJSON(boundary, { style: { color: '#6a1b9a', weight: 2, fillOpacity: 0.08 } })
      : null;
    // The view first: layers are drawn only on a map that has one.
    const bounds =
      outline?.getBounds() ??
      (circle
        ? L.latLng(circle.centre).toBounds(circle.radius * 2)
        : L.latLngBounds(markers.map((m) => m.location)));
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8], maxZoom: 17 });
    else map.setView([45.75, 126.63], 10);
    if (TILE_URL) L.tileLayer(TILE_URL, { maxZoom: 19 }).addTo(map);
    outline?.addTo(map);
    if (circle) {
      L.circle(circle.centre, {
        radius: circle.radius,
        color: '#1565c0',
        weight: 2,
        fillOpacity: 0.05,
      }).addTo(map);
      L.circleMarker(circle.centre, { radius: 7, color: '#c62828', fillOpacity: 1 }).addTo(map);
    }
    for (const m of markers)
      L.circleMarker(m.location, { radius: 5, color: '#2e7d32', fillOpacity: 0.8 })
        .bindTooltip(m.label)
        .addTo(map);
    return () => {
      map.remove();
    };
  }, [boundary, circle, markers]);
  return (
    <div
      ref={element}
      data-testid={testId}
      style={{ height: 360, width: '100%', background: '#f4f6f8', borderRadius: 4 }}
    />
  );
}
