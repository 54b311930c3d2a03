import type { NextFunction, Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { API_KEY_PREFIX } from '../modules/access/api-key.service';
import type { Services } from './context';

/**
 * The caller's credential (`Authorization: Bearer …` or `X-API-Key`) → `res.locals.principal`. A credential that
 * does not check out is refused here with 401, never treated as anonymous. Credentials travel in headers only:
 * never in a URL, which would end up in access logs and browser histories.
 */
export function authenticate(services: Services, db: DataSource) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const credential = req.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? req.get('x-api-key');
    if (!credential) return next();
    try {
      res.locals.principal = credential.startsWith(API_KEY_PREFIX)
        ? await services.apiKeys.principalFromKey(db, credential)
        : await services.auth.principalFromAccessToken(db, credential);
    } catch (err) {
      return next(err);
    }
    if (res.locals.principal) return next();
    res.status(401).json({
      errors: [
        { message: 'The access token or API key is not valid.', extensions: { code: 'UNAUTHENTICATED' } },
      ],
    });
  };
}
