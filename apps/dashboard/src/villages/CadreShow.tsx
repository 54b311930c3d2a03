import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import { FunctionField, SimpleShowLayout, TextField, useLocaleState, useTranslate } from 'react-admin';
import { DetailShow } from '../common/DetailShow';
import { formatDay } from '../common/dates';
import { regionName, type RegionRef } from '../common/region-ref';

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

/** A cadre's page: its postings (visits logged, handover notes) and the open assistance of its villages. */
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
          source="postings"
          render={({ postings }: { postings: PostingRow[] }) => (
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
