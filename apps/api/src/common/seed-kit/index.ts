/**
 * The seed kit: what every module's demo data is made with, so that seeds stay short, fast and true to the rules.
 * A deterministic random (`seededRandom`, `seededUuids`), set-based inserts (`rowsTable`, `insertRows`: many
 * rows in one statement) and lives played through the domain's machines (`playLife`), so that a seeded
 * object's state, version, deadlines and timeline are those the API would have left.
 */
export {
  defineLifecycle,
  LifeError,
  noteOnTimeline,
  playLife,
  TIMELINE_COLUMNS,
  timelineColumns,
  timelineTable,
} from './life';
export type { LifeStep, Lifecycle, LivingRow, TimelineRow } from './life';
export { seedWhileEmpty } from './once';
export { seededRandom, seededUuids } from './random';
export type { SeededRandom, Weighted } from './random';
export { insertRows, rowsTable } from './rows';
export type { Columns, RowOf, RowsTable, SqlType } from './rows';
