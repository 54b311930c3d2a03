import Typography from '@mui/material/Typography';
import { Login, LoginForm, useTranslate } from 'react-admin';

/** react-admin's login card, headed by the system's name; the labels come from ra.auth.* in the locale. */
export const LoginPage = () => {
  const translate = useTranslate();
  return (
    <Login>
      <Typography variant="h6" component="h1" align="center" sx={{ px: 2 }}>
        {translate('app.title')}
      </Typography>
      <LoginForm />
    </Login>
  );
};
