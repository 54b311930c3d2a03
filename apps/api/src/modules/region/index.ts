import { defineModule } from '../../common/module';
import { Region } from './region.entity';
import { regionExport } from './region.exports';
import { createRegionLoaders, type RegionLoaders } from './region.loaders';
import { RegionResolver } from './region.resolver';
import { demoGridBoundaries, demoRegions } from './region.seed';
import { RegionService } from './region.service';
import { writeRegions } from './region.writer';

declare module '../../common/module' {
  interface ModuleServices {
    region: RegionService;
  }
  interface ModuleLoaders {
    region: RegionLoaders;
  }
}

/** The region tree 行政区划 from the city down to the grid unit: reference data every module points into. */
export const regionModule = defineModule({
  name: 'region',
  tables: ['region'],
  services: () => ({ region: new RegionService() }),
  loaders: (ctx) => ({ region: createRegionLoaders(ctx, ctx.services.region) }),
  resolvers: [RegionResolver],
  exports: [regionExport],
  entities: [Region],
  // The demo tree stands since before the article's years, so statistics by the units valid then find it.
  seed: async ({ m }) => {
    const rows = demoRegions();
    const written = await writeRegions(
      m,
      rows.map((r) => ({ validFrom: '2009-01-01', ...r })),
      'insert-missing',
    );
    const drawn = demoGridBoundaries(rows);
    await m.query(
      `UPDATE region r SET boundary = t.boundary FROM unnest($1::varchar[], $2::jsonb[]) AS t (code, boundary)
       WHERE r.code = t.code AND r.boundary IS NULL`,
      [drawn.map((d) => d.code), drawn.map((d) => JSON.stringify(d.boundary))],
    );
    return written;
  },
});
