import Button, { type ButtonProps } from '@mui/material/Button';
import type { ReactNode } from 'react';
import { TopToolbar, useTranslate } from 'react-admin';
import { usePhone } from './use-phone';

interface CommandButtonProps {
  /** Message key of the step, by the domain's name: app.dispute_command.accept. */
  label: string;
  onClick: () => void;
  variant?: ButtonProps['variant'];
  color?: ButtonProps['color'];
  icon?: ReactNode;
  disabled?: boolean;
}

/**
 * A domain step (受理, 交办 …) as a button that keeps its label on a phone too: react-admin's Button shrinks to
 * its icon there, and a step has none, which left empty squares. The label is the accessible name.
 */
export const CommandButton = ({
  label,
  onClick,
  variant = 'contained',
  color,
  icon,
  disabled,
}: CommandButtonProps) => {
  const translate = useTranslate();
  // A finger needs a larger target than a pointer.
  const phone = usePhone();
  return (
    <Button
      size={phone ? 'medium' : 'small'}
      variant={variant}
      color={color}
      startIcon={icon}
      onClick={onClick}
      disabled={disabled}
    >
      {translate(label)}
    </Button>
  );
};

/** The toolbar of a record's steps: they wrap onto a second line rather than push the page sideways. */
export const CommandToolbar = ({ children }: { children: ReactNode }) => (
  <TopToolbar
    sx={{ flexWrap: 'wrap', whiteSpace: 'normal', justifyContent: 'flex-end', p: { xs: 1, sm: 0.5 } }}
  >
    {children}
  </TopToolbar>
);
