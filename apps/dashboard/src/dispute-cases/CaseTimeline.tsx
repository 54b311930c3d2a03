import ArrowRightAltIcon from '@mui/icons-material/ArrowRightAlt';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ComponentType, ReactNode } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { useDates } from '../common/use-dates';
import { StateChip } from '../mediation/chips';
import type { DisputeCaseDetailRecord, DisputeCaseEventDetails } from './dispute-case-record';
import { ShowLink } from '../common/ShowLink';
import { TitledSection } from '../common/ShowSections';

/** One labelled line of a step's details (调解员：敖亚斌); nothing for an empty value. */
const Detail = ({ label, value }: { label: string; value: ReactNode }) => {
  const translate = useTranslate();
  if (value === null || value === undefined || value === '') return null;
  return (
    <Typography variant="body2" component="div" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      <Box component="span" sx={{ color: 'text.secondary' }}>
        {translate('app.cases.detail_label', { label: translate(`app.cases.command_fields.${label}`) })}
      </Box>
      {value}
    </Typography>
  );
};

/** How the details are written: days in the one Chinese style, names joined as the language joins them. */
function useWriting() {
  const translate = useTranslate();
  const dates = useDates();
  return {
    translate,
    day: dates.day,
    names: (names: readonly string[]) => names.join(translate('app.list_separator')),
    yesNo: (value: boolean) => translate(value ? 'ra.boolean.true' : 'ra.boolean.false'),
  };
}

type Details = DisputeCaseEventDetails;
type DetailsOf<T extends Details['__typename']> = Extract<Details, { __typename: T }>;

const MeetingLink = ({ id }: { id: string }) => {
  const translate = useTranslate();
  return (
    <ShowLink resource="coordinationMeetings" id={id}>
      {translate('app.cases.open_meeting')}
    </ShowLink>
  );
};

/**
 * What each kind of step recorded, by the API's type of its details: a new kind in the schema's union fails the
 * type check here until it is shown.
 */
const DETAILS: { [T in Details['__typename']]: ComponentType<{ details: DetailsOf<T> }> } = {
  RegistrationDetails: ({ details: d }) => {
    const { translate, names } = useWriting();
    return (
      <>
        <Detail label="channel" value={translate(`app.intake_channel.${d.channel}`)} />
        <Detail label="risk" value={translate(`app.risk_level.${d.risk}`)} />
        <Detail
          label="risk_reasons"
          value={names(d.riskReasons.map((r) => translate(`app.risk_reason.${r}`)))}
        />
        <Detail label="notified" value={d.notifiedOrganizationName} />
      </>
    );
  },
  NoteDetails: ({ details: d }) => <Detail label="note" value={d.note} />,
  ReasonDetails: ({ details: d }) => <Detail label="reason" value={d.reason} />,
  MediatorAssignmentDetails: ({ details: d }) => <Detail label="mediator" value={d.mediatorName} />,
  SessionDetails: ({ details: d }) => {
    const { day, names } = useWriting();
    return (
      <>
        <Detail label="date" value={day(d.date)} />
        <Detail label="place" value={d.place} />
        <Detail label="participants" value={names(d.participants)} />
        <Detail label="notes" value={d.notes} />
      </>
    );
  },
  AgreementDetails: ({ details: { agreement } }) => {
    const { day, names, yesNo } = useWriting();
    return (
      <>
        <Detail label="terms" value={agreement.terms} />
        <Detail label="signatories" value={names(agreement.signatories)} />
        <Detail label="signed_on" value={day(agreement.signedOn)} />
        <Detail label="court_confirmed" value={yesNo(agreement.courtConfirmed)} />
      </>
    );
  },
  FailureDetails: ({ details: d }) => {
    const { translate } = useWriting();
    return (
      <>
        <Detail label="referral" value={translate(`app.referral.${d.referral}`)} />
        <Detail label="reason" value={d.reason} />
      </>
    );
  },
  FollowUpDetails: ({ details: d }) => {
    const { day, yesNo } = useWriting();
    return (
      <>
        <Detail label="date" value={day(d.date)} />
        <Detail label="honoured" value={yesNo(d.honoured)} />
        <Detail label="notes" value={d.notes} />
      </>
    );
  },
  EscalationDetails: ({ details: d }) => (
    <>
      <Detail label="centre" value={d.toOrganizationName} />
      <Detail label="reason" value={d.reason} />
    </>
  ),
  CoordinationDecisionDetails: ({ details: d }) => (
    <>
      <Detail label="decision" value={d.decision} />
      <Detail label="meeting" value={<MeetingLink id={d.meetingId} />} />
    </>
  ),
};

const EventDetails = ({ details }: { details: Details }) => {
  // The table is typed per kind; TypeScript cannot follow the pairing of a union's member with its entry.
  const Shown = DETAILS[details.__typename] as ComponentType<{ details: Details }> | undefined;
  return Shown ? (
    <Stack spacing={0.25} sx={{ mt: 0.5 }}>
      <Shown details={details} />
    </Stack>
  ) : null;
};

/** The step's name: the domain's command label, or (intake, a meeting's decision) a message of its own. */
function eventLabel(command: string, translate: ReturnType<typeof useTranslate>): string {
  return translate(`app.dispute_command.${command}`, {
    _: translate(`app.cases.event.${command}`, { _: command }),
  });
}

/** Every step of the case, oldest first: who did what when, the state it led to, and what was recorded. */
export const CaseTimeline = () => {
  const record = useRecordContext<DisputeCaseDetailRecord>();
  const translate = useTranslate();
  const dates = useDates();
  const events = record?.timeline;
  if (!events) return null;
  return (
    <TitledSection title="app.cases.timeline">
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
              borderLeft: '2px solid',
              borderColor: i === events.length - 1 ? 'transparent' : 'divider',
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
              {/* The state it led to; the state it came from is the step above. */}
              {event.fromState !== event.toState && (
                <>
                  <ArrowRightAltIcon fontSize="small" color="action" aria-hidden />
                  <StateChip value={event.toState} />
                </>
              )}
            </Stack>
            <Typography variant="body2" color="text.secondary">
              {dates.dateTime(event.at)} · {event.actorName}
            </Typography>
            <EventDetails details={event.details} />
          </Box>
        ))}
      </Box>
    </TitledSection>
  );
};
