import { addMonths } from '@qiangji/domain';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import { FunctionField, SimpleShowLayout, TextField, useLocaleState, useTranslate } from 'react-admin';
import { DetailShow } from '../common/DetailShow';
import { formatDay } from '../common/dates';
import { regionName, type RegionRef } from '../common/region-ref';
import { monthSeries } from '../stats/period';
import { TrendChart } from '../stats/TrendChart';

interface PostingRow {
  id: string;
  role: string;
  state: string;
  startsOn: string;
  endsOn: string | null;
  handoverNote: string | null;
  village: RegionRef;
  visits: { totalCount: number };
  openAssistance: { id: string; type: string; description: string; household: { address: string } | null }[];
}

interface CadreMonth {
  month: string;
  visits: number;
  householdsVisited: number;
}

/** The twelve months up to the cadre's last visit, quiet months as gaps: a posting lasts years. */
const lastYearOf = (months: readonly CadreMonth[]) => {
  const last = months[months.length - 1].month;
  return monthSeries(`${addMonths(last, -11)}-01`, `${last}-01`, months, ['visits', 'householdsVisited']);
};

/**
 * A cadre's page: the households it reached, its visits by month, its postings (visits logged, handover notes)
 * and the open assistance of its villages.
 */
export const CadreShow = () => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  return (
    <DetailShow>
      <SimpleShowLayout>
        <TextField source="name" />
        <FunctionField source="workUnit" render={(k: { workUnit: { name: string } }) => k.workUnit.name} />
        <TextField source="phone" emptyText="—" />
        <FunctionField
          source="householdsCovered"
          render={(k: { householdsCovered?: number }) => (k.householdsCovered ?? 0).toLocaleString(locale)}
        />
        <FunctionField
          source="visitsByMonth"
          render={({ visitsByMonth = [] }: { visitsByMonth?: CadreMonth[] }) =>
            visitsByMonth.length ? (
              <TrendChart
                title={translate('resources.stationedCadres.fields.visitsByMonth')}
                months={lastYearOf(visitsByMonth)}
                series={[
                  { key: 'visits', label: translate('app.villages.overview.kpi.visits'), color: '#1976d2' },
                  {
                    key: 'householdsVisited',
                    label: translate('app.villages.cadre.households_visited'),
                    color: '#2e7d32',
                  },
                ]}
              />
            ) : (
              '—'
            )
          }
        />
        <FunctionField
          source="postings"
          // The list's row stands in until the page's own read arrives, and it has no postings.
          render={({ postings = [] }: { postings?: PostingRow[] }) => (
            <List dense>
              {postings.map((p) => (
                <ListItem key={p.id} disableGutters>
                  <ListItemText
                    primary={`${regionName(p.village)} · ${translate(`app.villages.posting_role.${p.role}`)} · ${formatDay(p.startsOn, locale)} — ${p.endsOn ? formatDay(p.endsOn, locale) : ''}`}
                    secondary={[
                      translate('app.villages.cadre.visits', { count: p.visits.totalCount }),
                      p.state === 'ACTIVE' &&
                        translate('app.villages.cadre.open_assistance', { count: p.openAssistance.length }),
                      p.handoverNote && `${translate('app.villages.village.handover')}：${p.handoverNote}`,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  />
                </ListItem>
              ))}
            </List>
          )}
        />
      </SimpleShowLayout>
    </DetailShow>
  );
};
