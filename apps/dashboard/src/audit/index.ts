import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { lazyPage, type Feature } from '../features/feature';
import { auditEventResource } from './audit-event-resource';
import { auditEventLabels } from './labels';

/** 审计日志: the append-only log of who read and changed what. */
export const auditFeature: Feature = {
  name: 'auditEvents',
  graphql: auditEventResource,
  icon: ReceiptLongIcon,
  action: 'audit:read',
  list: lazyPage(() => import('./AuditEventList'), 'AuditEventList'),
  labels: auditEventLabels,
};
