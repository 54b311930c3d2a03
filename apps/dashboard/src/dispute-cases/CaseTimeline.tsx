import { constantCase } from '@qiangji/domain';
import ArrowRightAltIcon from '@mui/icons-material/ArrowRightAlt';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link, useCreatePath, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/dates';
import { StateChip } from '../mediation/chips';
import type { Agreement, DisputeCaseDetailRecord, DisputeCaseEvent } from './dispute-case-record';

const day = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** One labelled line of an event's details (调解员：敖亚斌); nothing for an empty value. */
const Detail = ({ label, value }: { label: string; value: ReactNode }) => {
  const translate = useTranslate();
  if (value === null || value === undefined || value === '') return null;
  return (
    <Typography variant="body2" component="div">
      <Box component="span" sx={{ color: 'text.secondary' }}>
        {translate('app.cases.detail_label', { label: translate(`app.cases.command_fields.${label}`) })}
      </Box>
      {value}
    </Typography>
  );
};

const yesNo = (value: unknown, translate: (key: string) => string) =>
  typeof value === 'boolean' ? translate(value ? 'ra.boolean.true' : 'ra.boolean.false') : null;

/** What the step recorded (timeline `details`), by command: a session, the agreement, a follow-up, an escalation. */
const EventDetails = ({ event }: { event: DisputeCaseEvent }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const separator = translate('app.list_separator');
  // Text as recorded; a list (participants, signatories) joined as the language joins names.
  const text = (value: unknown): string | null =>
    typeof value === 'string' && value.trim() !== ''
      ? value
      : Array.isArray(value) && value.length
        ? value.join(separator)
        : null;
  const d = event.details ?? {};
  const agreement = d.agreement as Agreement | undefined;
  return (
    <Stack spacing={0.25} sx={{ mt: 0.5 }}>
      {event.command === 'register' && (
        <>
          <Detail
            label="channel"
            value={typeof d.channel === 'string' ? translate(`app.intake_channel.${d.channel}`) : null}
          />
          <Detail
            label="risk"
            value={typeof d.risk === 'string' ? translate(`app.risk_level.${d.risk}`) : null}
          />
          <Detail
            label="risk_reasons"
            value={
              Array.isArray(d.riskReasons) && d.riskReasons.length
                ? d.riskReasons.map((r) => translate(`app.risk_reason.${r}`)).join(separator)
                : null
            }
          />
          <Detail label="notified" value={text(d.notifiedOrganizationName)} />
        </>
      )}
      <Detail label="mediator" value={text(d.mediatorName)} />
      <Detail label="date" value={day(d.date)} />
      <Detail label="place" value={text(d.place)} />
      <Detail label="participants" value={text(d.participants)} />
      {agreement && (
        <>
          <Detail label="terms" value={agreement.terms} />
          <Detail label="signatories" value={text(agreement.signatories)} />
          <Detail label="signed_on" value={day(agreement.signedOn)} />
          <Detail label="court_confirmed" value={yesNo(agreement.courtConfirmed, translate)} />
        </>
      )}
      <Detail
        label="referral"
        value={typeof d.referral === 'string' ? translate(`app.referral.${d.referral}`) : null}
      />
      <Detail label="honoured" value={yesNo(d.honoured, translate)} />
      <Detail label="centre" value={text(d.toOrganizationName)} />
      <Detail
        label="meeting"
        value={
          typeof d.meetingId === 'string' ? (
            <Link to={createPath({ resource: 'coordinationMeetings', id: d.meetingId, type: 'show' })}>
              {translate('app.cases.open_meeting')}
            </Link>
          ) : null
        }
      />
      <Detail label="decision" value={text(d.decision)} />
      <Detail label="reason" value={text(d.reason)} />
      <Detail label="notes" value={text(d.notes)} />
      <Detail label="note" value={text(d.note)} />
    </Stack>
  );
};

/** The step's name: the domain's command label, or (for intake and later kinds of step) its own message. */
function eventLabel(command: string, translate: ReturnType<typeof useTranslate>): string {
  const own = `app.cases.event.${command}`;
  return translate(`app.dispute_command.${constantCase(command)}`, {
    _: translate(own, { _: command }),
  });
}

/** Every step of the case, oldest first: who did what when, the state it moved to, and what was recorded. */
export const CaseTimeline = () => {
  const record = useRecordContext<DisputeCaseDetailRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const events = record?.timeline;
  if (!events) return null;
  const title = translate('app.cases.timeline');
  return (
    <section aria-label={title}>
      <Typography variant="subtitle1" component="h2" gutterBottom>
        {title}
      </Typography>
      <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {events.map((event, i) => (
          <Box
            component="li"
            key={event.id}
            sx={{
              position: 'relative',
              pl: 3,
              pb: i === events.length - 1 ? 0 : 2,
              // The vertical line and the dot of each step.
              borderLeft: i === events.length - 1 ? 'none' : '2px solid',
              borderColor: 'divider',
              ml: 1,
              '&::before': {
                content: '""',
                position: 'absolute',
                left: -7,
                top: 4,
                width: 12,
                height: 12,
                borderRadius: '50%',
                bgcolor: 'primary.main',
              },
            }}
          >
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
              <Typography variant="subtitle2" component="h3">
                {eventLabel(event.command, translate)}
              </Typography>
              {event.fromState && event.fromState !== event.toState ? (
                <>
                  <StateChip value={event.fromState} />
                  <ArrowRightAltIcon fontSize="small" color="action" aria-label="→" />
                  <StateChip value={event.toState} />
                </>
              ) : (
                !event.fromState && <StateChip value={event.toState} />
              )}
            </Stack>
            <Typography variant="caption" color="text.secondary">
              {formatDateTime(event.at, locale)} · {event.actorName}
            </Typography>
            <EventDetails event={event} />
          </Box>
        ))}
      </Box>
    </section>
  );
};
