import DataLoader from 'dataloader';
import { byKeyLoader } from '../../common/loaders';
import type { PageArgs } from '../../common/connection';
import type { RequestContext } from '../../server/context';
import type { RegionService } from './region.service';
import type { RegionOrderBy } from './region.types';

type ChildrenArgs = PageArgs & { orderBy?: RegionOrderBy | null };

/** Per-request loaders: every relation field of Region goes through one of these, never a query per row. */
export function createRegionLoaders(ctx: RequestContext, service: RegionService) {
  const childrenByArgs = new Map<
    string,
    DataLoader<string, Awaited<ReturnType<RegionService['childrenOf']>>[number]>
  >();
  return {
    byCode: byKeyLoader(
      (codes) => service.findByCodes(ctx, codes),
      (r) => r.code,
    ),
    ancestors: new DataLoader((codes: readonly string[]) => service.ancestorsOf(ctx, codes)),
    descendantCounts: new DataLoader((codes: readonly string[]) => service.descendantCountsOf(ctx, codes)),
    qualifiedName: new DataLoader((codes: readonly string[]) => service.qualifiedNamesOf(ctx, codes)),
    /** Children pages are batched across parents that ask with the same page arguments. */
    children(args: ChildrenArgs) {
      const key = JSON.stringify([
        args.first,
        args.after,
        args.offset,
        args.orderBy?.field,
        args.orderBy?.direction,
      ]);
      let loader = childrenByArgs.get(key);
      if (!loader) {
        loader = new DataLoader((parents: readonly string[]) => service.childrenOf(ctx, parents, args));
        childrenByArgs.set(key, loader);
      }
      return loader;
    },
  };
}

export type RegionLoaders = ReturnType<typeof createRegionLoaders>;
