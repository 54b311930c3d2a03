import { ConfigError } from '../config';

/**
 * A database that cannot be used as set up: a sentence saying what is wrong and what to do. A ConfigError, so
 * the server and the CLI print it as one line instead of a stack trace.
 */
export class SetupError extends ConfigError {
  override name = 'SetupError';
}
