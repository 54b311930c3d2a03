import type { NextFunction, Request, Response } from 'express';

/**
 * JSON travels in UTF-8 (RFC 8259 §8.1). The JSON parser would decode any `utf-*` charset a request names, UTF-7
 * included, in which `+ADw-` is `<`: a body in another charset is refused with 415 instead (catalogue case 8).
 */
export function utf8Only(req: Request, res: Response, next: NextFunction): void {
  const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(req.get('content-type') ?? '')?.[1].toLowerCase();
  if (charset === undefined || charset === 'utf-8') return next();
  res.status(415).json({
    errors: [{ message: 'The request body must be JSON in UTF-8.', extensions: { code: 'BAD_USER_INPUT' } }],
  });
}
