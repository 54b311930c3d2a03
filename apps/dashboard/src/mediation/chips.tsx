import Chip, { type ChipProps } from '@mui/material/Chip';
import type { ReactNode } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { showsDeadline, type DisputeCaseRecord } from '../dispute-cases/dispute-case-record';

type Color = ChipProps['color'];

// Overdue is red and at risk amber wherever a case appears: the list, the case page, the overview.
const DEADLINE_COLORS: Readonly<Record<string, Color>> = {
  OVERDUE: 'error',
  AT_RISK: 'warning',
  ON_TIME: 'default',
};
const RISK_COLORS: Readonly<Record<string, Color>> = { HIGH: 'error', MEDIUM: 'warning', LOW: 'default' };
const ENDED = new Set(['CLOSED', 'DECLINED']);

interface EnumChipProps {
  value: string | null | undefined;
  /** Message prefix, e.g. app.dispute_state. */
  messages: string;
  color?: Color;
  variant?: ChipProps['variant'];
}

export const EnumChip = ({ value, messages, color = 'default', variant = 'filled' }: EnumChipProps) => {
  const translate = useTranslate();
  if (!value) return null;
  return <Chip size="small" color={color} variant={variant} label={translate(`${messages}.${value}`)} />;
};

export const DeadlineChip = ({ value }: { value: string | null | undefined }) => (
  <EnumChip
    value={value}
    messages="app.deadline_status"
    color={DEADLINE_COLORS[value ?? ''] ?? 'default'}
    // On time is the usual case: outlined, so the red and amber ones stand out in a list.
    variant={value === 'ON_TIME' ? 'outlined' : 'filled'}
  />
);

export const RiskChip = ({ value }: { value: string | null | undefined }) => (
  <EnumChip
    value={value}
    messages="app.risk_level"
    color={RISK_COLORS[value ?? ''] ?? 'default'}
    variant={value === 'LOW' ? 'outlined' : 'filled'}
  />
);

export const StateChip = ({ value }: { value: string | null | undefined }) => (
  <EnumChip
    value={value}
    messages="app.dispute_state"
    color={value && ENDED.has(value) ? 'default' : 'primary'}
    variant="outlined"
  />
);

/** The record's field as a chip, for Datagrid columns and Labeled fields; `label` and `sortable` are read by them. */
interface ChipFieldProps {
  source: string;
  label?: string;
  sortable?: boolean;
  sortBy?: string;
}

const fieldOf =
  (Component: (props: { value: string | null | undefined }) => ReactNode) =>
  ({ source }: ChipFieldProps) => {
    const record = useRecordContext();
    const value: unknown = record?.[source];
    return <Component value={typeof value === 'string' ? value : null} />;
  };

/** A concluded or ended case has no deadline to keep: a dash, not "on time". */
export const DeadlineField = ({ source }: ChipFieldProps) => {
  const record = useRecordContext();
  if (record && !showsDeadline(record as DisputeCaseRecord)) return <>—</>;
  const value: unknown = record?.[source];
  return <DeadlineChip value={typeof value === 'string' ? value : null} />;
};
export const RiskField = fieldOf(RiskChip);
export const StateField = fieldOf(StateChip);
