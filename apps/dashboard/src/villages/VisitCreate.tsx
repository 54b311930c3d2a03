import { chinaDay, VISIT_PURPOSES } from '@qiangji/domain';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Title, useDataProvider, useGetIdentity, useGetList, useTranslate } from 'react-admin';
import { Link, useSearchParams } from 'react-router-dom';
import { useJurisdiction } from '../common/use-jurisdiction';
import { enqueue, flushQueue, readQueue, type QueueStorage } from './visit-queue';

type Outcome = { kind: 'sent' | 'queued' | 'refused'; detail?: string } | null;

const storage: QueueStorage = window.localStorage;
const RETRY_MS = 5_000;

/**
 * 登记走访, made for a cadre's phone in a village with poor coverage: the entry is kept on the phone with its
 * idempotency key before it is sent, and sent again (same key) whenever the connection comes back, so a visit
 * whose answer was lost is neither lost nor recorded twice.
 */
export const VisitCreate = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const { identity } = useGetIdentity();
  const username = identity ? String(identity.id) : null;
  const jurisdiction = useJurisdiction();
  const { data: households = [] } = useGetList(
    'households',
    { filter: jurisdiction ? { regionCode: jurisdiction.code } : {}, pagination: { page: 1, perPage: 200 } },
    { enabled: Boolean(jurisdiction) },
  );
  // From the home page's households due for a visit: the form opens on the one tapped.
  const [search] = useSearchParams();
  const [householdId, setHouseholdId] = useState(search.get('householdId') ?? '');
  const [visitedOn, setVisitedOn] = useState(chinaDay());
  const [purpose, setPurpose] = useState<string>('POVERTY_CHECK');
  const [findings, setFindings] = useState('');
  const [followUpNeeded, setFollowUpNeeded] = useState(false);
  const [location, setLocation] = useState<{ lat: number; lng: number } | null>(null);
  const [pending, setPending] = useState(0);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  // One round at a time: the timer, the online event and a submit must not send the same entry side by side.
  const round = useRef<Promise<unknown> | null>(null);
  const flush = useCallback(async () => {
    if (!username) return;
    while (round.current) await round.current;
    const running = flushQueue(storage, username, (entry) =>
      dataProvider.create('visits', { data: { ...entry.input, idempotencyKey: entry.key } }),
    );
    round.current = running;
    const result = await running.finally(() => (round.current = null));
    setPending(result.pending);
    if (result.refused.length)
      setOutcome({ kind: 'refused', detail: (result.refused[0].error as Error).message });
    else if (result.sent.length) setOutcome({ kind: 'sent' });
    return result;
  }, [dataProvider, username]);

  // Whatever is waiting goes out when the page opens, when the phone is back online, and every few seconds.
  useEffect(() => {
    if (!username) return;
    setPending(readQueue(storage).filter((e) => e.username === username).length);
    void flush();
    const retry = () => void flush();
    window.addEventListener('online', retry);
    const timer = window.setInterval(retry, RETRY_MS);
    return () => {
      window.removeEventListener('online', retry);
      window.clearInterval(timer);
    };
  }, [flush, username]);

  const submit = async () => {
    if (!username || !householdId) return;
    setBusy(true);
    enqueue(storage, username, { householdId, visitedOn, purpose, findings, followUpNeeded, location });
    const result = await flush();
    setBusy(false);
    if (result && result.pending > 0) setOutcome({ kind: 'queued' });
    if (result && result.refused.length === 0) {
      setFindings('');
      setFollowUpNeeded(false);
    }
  };

  const locate = () =>
    navigator.geolocation?.getCurrentPosition((p) =>
      setLocation({ lat: p.coords.latitude, lng: p.coords.longitude }),
    );

  return (
    <Card sx={{ mt: 2, maxWidth: 640 }}>
      <Title title="app.villages.visit_form.title" />
      <CardContent>
        <Stack spacing={2}>
          {pending > 0 && (
            <Alert severity="warning" role="status">
              {translate('app.villages.visit_form.pending', { smart_count: pending })}
            </Alert>
          )}
          {outcome?.kind === 'queued' && (
            <Alert severity="info">{translate('app.villages.visit_form.queued')}</Alert>
          )}
          {outcome?.kind === 'sent' && pending === 0 && (
            <Alert
              severity="success"
              action={
                jurisdiction && (
                  <Button component={Link} to={`/village?code=${jurisdiction.code}`} size="small">
                    {translate('app.villages.visit_form.view_village')}
                  </Button>
                )
              }
            >
              {translate('app.villages.visit_form.sent')}
            </Alert>
          )}
          {outcome?.kind === 'refused' && (
            <Alert severity="error">
              {translate('app.villages.visit_form.refused', { reason: outcome.detail })}
            </Alert>
          )}
          <TextField
            select
            label={translate('app.villages.visit_form.household')}
            value={householdId}
            onChange={(e) => setHouseholdId(e.target.value)}
            helperText={households.length ? undefined : translate('app.villages.visit_form.no_households')}
            fullWidth
          >
            {households.map((h) => (
              <MenuItem key={h.id} value={String(h.id)}>
                {String(h.address)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            type="date"
            label={translate('app.villages.visit_form.visited_on')}
            value={visitedOn}
            onChange={(e) => e.target.value && setVisitedOn(e.target.value)}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: chinaDay() } }}
            fullWidth
          />
          <TextField
            select
            label={translate('app.villages.visit_form.purpose')}
            value={purpose}
            onChange={(e) => setPurpose(e.target.value)}
            fullWidth
          >
            {VISIT_PURPOSES.map((p) => (
              <MenuItem key={p} value={p}>
                {translate(`app.villages.visit_purpose.${p}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={translate('app.villages.visit_form.findings')}
            value={findings}
            onChange={(e) => setFindings(e.target.value)}
            multiline
            minRows={3}
            fullWidth
          />
          <FormControlLabel
            control={
              <Checkbox checked={followUpNeeded} onChange={(e) => setFollowUpNeeded(e.target.checked)} />
            }
            label={translate('app.villages.visit_form.follow_up')}
          />
          <Button variant="outlined" onClick={locate} disabled={!navigator.geolocation}>
            {translate(location ? 'app.villages.visit_form.located' : 'app.villages.visit_form.locate')}
          </Button>
          <Button variant="contained" size="large" onClick={submit} disabled={busy || !householdId}>
            {translate(busy ? 'app.villages.visit_form.sending' : 'app.villages.visit_form.submit')}
          </Button>
        </Stack>
      </CardContent>
    </Card>
  );
};
