import path from 'node:path';

export const TEMPLATE_DATABASE = 'qiangji_test_template';

/** ../shared/data beside the repository: third-party files that tests read in place and never copy. */
export const SHARED_DATA_DIR =
  process.env.QIANGJI_SHARED_DATA_DIR ?? path.resolve(__dirname, '../../../../../shared/data');
