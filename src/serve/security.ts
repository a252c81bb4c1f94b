/**
 * Security middleware. Article content is untrusted input written by whoever published it, so
 * the UI never treats it as HTML and the browser is told to run nothing but our own bundle.
 * Writes (uploads, merges, splits) change the shared store, so they are refused from other
 * sites (CSRF) and, when the server is reachable beyond this machine, without a token.
 */
import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.js';

/**
 * The Content-Security-Policy of every response: scripts, styles and data only from this
 * server, no inline script or style elements, no plugins, no framing, no base-URL tricks.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Sets the security headers on every response. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Cross-Origin-Resource-Policy', 'same-origin');
  };
}

/** True for hosts that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** The host name of a `Host` header value (`localhost:8080` → `localhost`, `[::1]:80` → `::1`). */
function hostName(header: string): string {
  const m = /^\[([^\]]+)\](?::\d+)?$/.exec(header);
  if (m) return m[1]!;
  return header.replace(/:\d+$/, '');
}

/**
 * When the server listens on loopback only, requests must also *name* a loopback host:
 * otherwise a web page could point its own domain at 127.0.0.1 (DNS rebinding) and read the
 * store from the user's browser.
 */
export function loopbackHostGuard(): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    if (!isLoopbackHost(hostName(host))) {
      throw new ApiError('api:forbidden', `Host header: expected localhost or 127.0.0.1 (the server listens on loopback only), found "${host.slice(0, 100)}"`);
    }
    await next();
  };
}

/** Options of {@link writeGuard}. */
export interface WriteGuardOptions {
  /** The bearer token writes need; null when none is configured. */
  readonly token: string | null;
  /** True when the server listens on loopback only. */
  readonly loopback: boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Guards every state-changing request: same-origin only (a browser never sends another site's
 * form here), a matching bearer token when one is configured, and no writes at all from the
 * network when none is.
 */
export function writeGuard(options: WriteGuardOptions): MiddlewareHandler {
  const expected = options.token ? Buffer.from(options.token) : null;
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const site = c.req.header('sec-fetch-site');
    if (site && site !== 'same-origin' && site !== 'none') {
      throw new ApiError('api:forbidden', `Sec-Fetch-Site: expected same-origin, found ${site}`);
    }
    const origin = c.req.header('origin');
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    if (origin && origin !== 'null') {
      let originHost: string;
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = origin;
      }
      if (originHost !== host) throw new ApiError('api:forbidden', `Origin: expected this server (${host}), found ${origin.slice(0, 100)}`);
    } else if (origin === 'null') {
      throw new ApiError('api:forbidden', 'Origin: expected this server, found an opaque origin');
    }
    if (expected) {
      const auth = c.req.header('authorization') ?? '';
      const given = Buffer.from(auth.startsWith('Bearer ') ? auth.slice(7) : '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new ApiError('api:unauthorized', `Authorization: expected "Bearer <token>" with the server's token, found ${auth ? 'a different token' : 'none'}`);
      }
    } else if (!options.loopback) {
      throw new ApiError(
        'api:forbidden',
        'writes: expected a token (serve --token or DOSSIER_TOKEN) on a server reachable beyond 127.0.0.1, found none; the server is read-only',
      );
    }
    return next();
  };
}
