import LockResetIcon from '@mui/icons-material/LockReset';
import TranslateIcon from '@mui/icons-material/Translate';
import IconButton from '@mui/material/IconButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useState } from 'react';
import {
  AppBar as RaAppBar,
  LoadingIndicator,
  LocalesMenuButton,
  Logout,
  ToggleThemeButton,
  UserMenu,
  useLocaleState,
  useTranslate,
  useUserMenu,
  type AppBarProps,
} from 'react-admin';
import { LOCALES } from '../i18n/i18n-provider';
import { ChangePasswordDialog } from './ChangePasswordDialog';
import { usePhone } from '../common/use-phone';

/** On a phone the language is an icon with its menu, so the page title keeps the width. */
const CompactLocaleButton = () => {
  const translate = useTranslate();
  const [locale, setLocale] = useLocaleState();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <IconButton
        color="inherit"
        aria-label={translate('app.locale')}
        aria-haspopup="true"
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        <TranslateIcon />
      </IconButton>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {LOCALES.map((option) => (
          <MenuItem
            key={option.locale}
            selected={option.locale === locale}
            onClick={() => {
              setLocale(option.locale);
              setAnchor(null);
            }}
          >
            {option.name}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};

const Toolbar = () => {
  const small = usePhone();
  return small ? (
    <>
      <CompactLocaleButton />
      <LoadingIndicator />
    </>
  ) : (
    <>
      <LocalesMenuButton />
      <ToggleThemeButton />
      <LoadingIndicator />
    </>
  );
};

/** 修改密码 in the user menu; the dialog outlives the menu, which closes on the click. */
const ChangePasswordItem = ({ onOpen }: { onOpen: () => void }) => {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  return (
    <MenuItem
      onClick={() => {
        userMenu?.onClose();
        onOpen();
      }}
    >
      <ListItemIcon>
        <LockResetIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('app.password.title')}</ListItemText>
    </MenuItem>
  );
};

/** react-admin's app bar with a phone-sized toolbar and 修改密码 in the user menu. */
export const AppBar = (props: AppBarProps) => {
  const [changingPassword, setChangingPassword] = useState(false);
  return (
    <>
      <RaAppBar
        {...props}
        toolbar={<Toolbar />}
        userMenu={
          <UserMenu>
            <ChangePasswordItem onOpen={() => setChangingPassword(true)} />
            <Logout />
          </UserMenu>
        }
      />
      <ChangePasswordDialog open={changingPassword} onClose={() => setChangingPassword(false)} />
    </>
  );
};
