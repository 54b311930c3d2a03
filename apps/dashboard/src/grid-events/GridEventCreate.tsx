import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import MyLocationIcon from '@mui/icons-material/MyLocation';
import { useState } from 'react';
import {
  Create,
  RadioButtonGroupInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useTranslate,
} from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { RegionInput } from '../common/RegionInput';
import { useJurisdiction } from '../common/use-jurisdiction';
import { newIdempotencyKey } from '../common/idempotency-key';
import { useStats } from '../stats/use-stats';
import { GRID_CATEGORY_CHOICES, GRID_URGENCY_CHOICES } from '../common/choices';

/** The phone's position, when the reporter allows it: it goes with the report and finds duplicates nearby. */
const PositionInput = () => {
  const translate = useTranslate();
  const { setValue } = useFormContext();
  const [lat, lng] = useWatch({ name: ['lat', 'lng'] }) as [number | null, number | null];
  const [failed, setFailed] = useState(false);
  const locate = () =>
    navigator.geolocation?.getCurrentPosition(
      (p) => {
        setFailed(false);
        setValue('lat', p.coords.latitude, { shouldDirty: true });
        setValue('lng', p.coords.longitude, { shouldDirty: true });
      },
      () => setFailed(true),
      { enableHighAccuracy: true, timeout: 10_000 },
    );
  return (
    <Stack spacing={1} sx={{ mb: 2 }}>
      <Button
        variant="outlined"
        startIcon={<MyLocationIcon />}
        onClick={locate}
        sx={{ alignSelf: 'flex-start' }}
      >
        {translate('app.grid.use_position')}
      </Button>
      {lat != null && lng != null && (
        <Typography variant="body2" data-testid="position">
          {translate('app.grid.position_set', { lat: lat.toFixed(5), lng: lng.toFixed(5) })}
        </Typography>
      )}
      {failed && <Alert severity="warning">{translate('app.grid.position_failed')}</Alert>}
    </Stack>
  );
};

/** Open events of the category near the position: the reporter sees them before sending a duplicate. */
const NearbyHints = () => {
  const translate = useTranslate();
  const [category, lat, lng] = useWatch({ name: ['category', 'lat', 'lng'] }) as [
    string,
    number | null,
    number | null,
  ];
  const hints = useStats<{ id: string; number: string; description: string }[]>(
    'gridEvents',
    'hints',
    category && lat != null && lng != null ? { input: { category, lat, lng } } : null,
  );
  if (!hints.data) return null;
  return (
    <Alert severity={hints.data.length ? 'warning' : 'success'} sx={{ mb: 2 }}>
      {hints.data.length
        ? `${translate('app.grid.hints')}：${hints.data.map((h) => `${h.number} ${h.description}`).join('；')}`
        : translate('app.grid.no_hints')}
    </Alert>
  );
};

/**
 * 上报: a grid worker reports from the street, on a phone: the category, a few words, photo references and the
 * position if the phone gives it. The unit defaults to the worker's own grid.
 */
export const GridEventCreate = () => {
  const jurisdiction = useJurisdiction();
  const [defaults] = useState(() => ({
    idempotencyKey: newIdempotencyKey(),
    urgency: 'NORMAL',
    lat: null,
    lng: null,
    ...(jurisdiction?.code.length === 15 ? { regionCode: jurisdiction.code } : {}),
  }));
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={defaults}>
        <SelectInput source="category" choices={GRID_CATEGORY_CHOICES} validate={required()} fullWidth />
        <RadioButtonGroupInput source="urgency" choices={GRID_URGENCY_CHOICES} validate={required()} />
        <RegionInput source="regionCode" validate={required()} />
        <TextInput source="description" validate={required()} multiline minRows={3} fullWidth />
        <TextInput source="photoRefs" multiline helperText="app.grid.photos_help" fullWidth />
        <TextInput source="address" fullWidth />
        <PositionInput />
        <NearbyHints />
      </SimpleForm>
    </Create>
  );
};
