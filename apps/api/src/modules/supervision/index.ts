import { defineModule } from '../../common/module';
import { CommandAlertResolver, CommandViewResolver } from './command-view.resolver';
import { commandViewRankingDownload } from './command-view.download';
import { CommandViewService } from './command-view.service';

declare module '../../common/module' {
  interface ModuleServices {
    commandView: CommandViewService;
  }
}

/**
 * City supervision 指挥调度 (issue 13): the command view over the tiles and alerts every module declares
 * (`kpis`, `alerts` in its `defineModule`); it reads their rollups and knows none of their tables.
 */
export const supervisionModule = defineModule({
  name: 'supervision',
  services: ({ modules }) => ({
    commandView: new CommandViewService(
      modules.flatMap((m) => m.kpis ?? []),
      modules.flatMap((m) => m.alerts ?? []),
    ),
  }),
  resolvers: [CommandViewResolver, CommandAlertResolver],
  downloads: { commandViewRanking: commandViewRankingDownload },
});
