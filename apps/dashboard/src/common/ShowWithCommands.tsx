import Box from '@mui/material/Box';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { DetailShow } from './DetailShow';
import { CommandToolbar } from './CommandButton';
import { usePhone } from './use-phone';

/**
 * A record's page with the buttons of its steps: above the record on wider screens; on a phone in a bar that stays
 * at the bottom of the screen, under the thumb, however far down the timeline has been read.
 */
export const ShowWithCommands = ({ commands, children }: { commands: ReactNode; children: ReactNode }) => {
  const phone = usePhone();
  const translate = useTranslate();
  if (!phone)
    return <DetailShow actions={<CommandToolbar>{commands}</CommandToolbar>}>{children}</DetailShow>;
  return (
    // The card clips what overflows it, which would keep the bar from sticking.
    <DetailShow actions={false} sx={{ '& .RaShow-card': { overflow: 'visible' } }}>
      {children}
      <Box
        role="toolbar"
        aria-label={translate('app.command.steps')}
        sx={{
          position: 'sticky',
          bottom: 0,
          zIndex: 'appBar',
          display: 'flex',
          flexWrap: 'wrap',
          justifyContent: 'center',
          gap: 1,
          p: 1,
          bgcolor: 'background.paper',
          borderTop: 1,
          borderColor: 'divider',
          // No bar when no step is left (a closed case).
          '&:empty': { display: 'none' },
        }}
      >
        {commands}
      </Box>
    </DetailShow>
  );
};
