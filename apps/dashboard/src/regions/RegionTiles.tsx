import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { LinkBase, LinearProgress, useCreatePath, useListContext, useTranslate } from 'react-admin';
import type { RegionRecord } from './region-record';
import { RegionLevelChip } from './RegionLevelField';

/** The list's regions as a grid of tiles, each a link to the region's page (the home page's drill-down). */
export const RegionTiles = ({ label }: { label: string }) => {
  const { data, error, isPending } = useListContext<RegionRecord>();
  const createPath = useCreatePath();
  const translate = useTranslate();
  if (isPending) return <LinearProgress />;
  if (error || !data) return <Typography color="error">{translate('ra.notification.http_error')}</Typography>;
  return (
    <Box
      component="ul"
      aria-label={label}
      sx={{
        listStyle: 'none',
        m: 0,
        p: 0,
        display: 'grid',
        gap: 1.5,
        gridTemplateColumns: 'repeat(auto-fill, minmax(9rem, 1fr))',
      }}
    >
      {data.map((region) => (
        <Card key={region.id} component="li" variant="outlined">
          <CardActionArea
            component={LinkBase}
            to={createPath({ resource: 'regions', id: region.id, type: 'show' })}
          >
            <CardContent>
              <Typography variant="subtitle1">{region.name}</Typography>
              <Stack
                direction="row"
                useFlexGap
                sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center', mt: 0.5 }}
              >
                <RegionLevelChip level={region.level} />
                <Typography variant="caption" color="text.secondary">
                  {region.code}
                </Typography>
              </Stack>
            </CardContent>
          </CardActionArea>
        </Card>
      ))}
    </Box>
  );
};
