import { Notification } from 'react-admin';
import { usePhone } from '../common/use-phone';

/**
 * react-admin's notifications, at the top of a phone's screen: at the bottom they covered the bar of a record's
 * steps for seconds after each one (and for as long as a finger rested there).
 */
export const AppNotification = () => {
  const phone = usePhone();
  return <Notification anchorOrigin={{ vertical: phone ? 'top' : 'bottom', horizontal: 'center' }} />;
};
