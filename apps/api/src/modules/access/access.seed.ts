import type { Role } from '@qiangji/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { insertRows, rowsTable } from '../../common/seed-kit';
import { hashPassword } from './passwords';

export const DEMO_PASSWORD = 'qiangji-demo';

/** The README's demo accounts, one per role, for the embedded development database only. */
export const DEMO_ACCOUNTS: { username: string; displayName: string; role: Role; jurisdiction: string }[] = [
  { username: 'admin', displayName: '市级管理员', role: 'CITY_ADMIN', jurisdiction: '230100' },
  { username: 'supervisor', displayName: '市委政法委督导', role: 'SUPERVISOR', jurisdiction: '230100' },
  { username: 'daoli', displayName: '道里区工作人员', role: 'DISTRICT_OFFICER', jurisdiction: '230102' },
  {
    username: 'tongjiang',
    displayName: '通江街道工作人员',
    role: 'STREET_OFFICER',
    jurisdiction: '230102010',
  },
  {
    username: 'shanghong',
    displayName: '上红社区工作人员',
    role: 'COMMUNITY_STAFF',
    jurisdiction: '230102010003',
  },
  {
    username: 'grid',
    displayName: '上红社区第1网格网格员',
    role: 'GRID_WORKER',
    jurisdiction: '230102010003001',
  },
  { username: 'mediator', displayName: '延寿镇调解员', role: 'MEDIATOR', jurisdiction: '230129100' },
  {
    username: 'yishan',
    displayName: '依山村驻村干部',
    role: 'STATIONED_CADRE',
    jurisdiction: '230128101201',
  },
  { username: 'auditor', displayName: '审计员', role: 'AUDITOR', jurisdiction: '230100' },
];

const ACCOUNTS = rowsTable('app_user', {
  username: 'text',
  displayName: 'text',
  passwordHash: 'text',
  roles: 'text[]',
  jurisdictionCode: 'varchar',
});

export async function seedDemoAccounts(m: EntityManager): Promise<number> {
  const hash = await hashPassword(DEMO_PASSWORD);
  const rows = await insertRows(
    m,
    ACCOUNTS,
    DEMO_ACCOUNTS.map((a) => ({
      ...a,
      passwordHash: hash,
      roles: [a.role],
      jurisdictionCode: a.jurisdiction,
    })),
    'ON CONFLICT (username) DO NOTHING RETURNING id',
  );
  return rows.length;
}

/** The first administrator of a real deployment (`npm run db:create-admin`), where no demo accounts exist. */
export async function createAdmin(db: DataSource, username: string, jurisdiction: string, password: string) {
  const hash = await hashPassword(password);
  const [user] = await db.query(
    `INSERT INTO app_user (username, display_name, password_hash, roles, jurisdiction_code)
     VALUES ($1, $1, $2, '{CITY_ADMIN}', $3) RETURNING id`,
    [username.toLowerCase(), hash, jurisdiction],
  );
  return user.id as string;
}
