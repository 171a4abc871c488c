import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The hosts that load a Teams tab in a frame, as Microsoft lists them for `frame-ancestors`
 * ("Tab requirements", learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements;
 * docs/decisions/0006-http-hardening.md). Nothing else may frame the app.
 */
export const TEAMS_FRAME_ANCESTORS = [
  'https://*.cloud.microsoft',
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
] as const;

export interface SecurityHeaderOptions {
  mode: 'local' | 'tenant';
  /** Graph's origin the tab reads from (tenant); local mode reads the emulator on our own origin. */
  graphOrigin?: string;
}

/**
 * helmet on everything served: a CSP that lets the tab load only from us, read Graph and sign in
 * with Entra, and be framed only by Teams/Microsoft 365; nosniff; a strict Referrer-Policy; HSTS
 * in a tenant (served over HTTPS there; never locally, where it would pin localhost to HTTPS).
 */
export function securityHeaders(o: SecurityHeaderOptions): RequestHandler {
  const tenant = o.mode === 'tenant';
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        // Fluent UI v9 (Griffel) inserts its generated <style> rules at run time.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'", ...(tenant ? [o.graphOrigin ?? 'https://graph.microsoft.com', 'https://login.microsoftonline.com'] : [])],
        'frame-src': ["'self'", ...(tenant ? ['https://login.microsoftonline.com'] : [])],
        'frame-ancestors': ["'self'", ...TEAMS_FRAME_ANCESTORS],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        ...(tenant ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    // frame-ancestors decides who may frame us; X-Frame-Options cannot name Teams' hosts and
    // would only contradict it.
    frameguard: false,
    // MSAL's fallback sign-in opens a popup that must be able to report back.
    crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: tenant ? { maxAge: 365 * 24 * 3600, includeSubDomains: true } : false,
    xContentTypeOptions: true,
  });
}

/**
 * CORS for the configured origins only: the tab is served from our own origin, so by default no
 * other origin is allowed and no CORS header is ever sent.
 */
export function corsFor(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    const origin = req.get('Origin');
    res.vary('Origin');
    if (!origin || !allowed.has(origin)) return next();
    res.set('Access-Control-Allow-Origin', origin);
    res.set('Access-Control-Expose-Headers', 'ETag, Retry-After, X-Request-Id');
    if (req.method === 'OPTIONS' && req.get('Access-Control-Request-Method')) {
      res.set('Access-Control-Allow-Methods', 'GET, POST, PUT');
      res.set('Access-Control-Allow-Headers', 'Authorization, Content-Type, If-Match, X-Request-Id');
      res.set('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}
