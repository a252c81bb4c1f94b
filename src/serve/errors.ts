/**
 * HTTP errors: the one place that maps error codes to statuses. Handlers throw
 * {@link DossierError}s (from the pipeline and the store) or {@link ApiError}s (from the HTTP
 * layer itself); the app's error handler turns both into `{error: {code, message}}` with the
 * status chosen here.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DossierError, type ErrorCode } from '../errors.js';

/** Error codes raised by the HTTP layer itself. */
export type ApiErrorCode =
  | 'api:bad-request'
  | 'api:not-found'
  | 'api:unauthorized'
  | 'api:forbidden'
  | 'api:too-large'
  | 'api:unsupported-media'
  | 'api:busy';

/** An expected failure of a request, with a stable code and an "expected X, found Y" message. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;

  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

/** The JSON body of every error response. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string };
}

const API_STATUS: Readonly<Record<ApiErrorCode, ContentfulStatusCode>> = {
  'api:bad-request': 400,
  'api:unauthorized': 401,
  'api:forbidden': 403,
  'api:not-found': 404,
  'api:too-large': 413,
  'api:unsupported-media': 415,
  'api:busy': 503,
};

/** Statuses of pipeline and store errors, by code prefix; `store:not-found` is a 404. */
const DOSSIER_STATUS_BY_PREFIX: Readonly<Record<string, ContentfulStatusCode>> = {
  usage: 400,
  config: 400,
  input: 422,
  extract: 422,
  store: 503,
};

/** The HTTP status and body for any thrown value. Unknown exceptions are 500s without internals. */
export function errorResponse(err: unknown): { status: ContentfulStatusCode; body: ErrorBody } {
  if (err instanceof ApiError) return { status: API_STATUS[err.code], body: { error: { code: err.code, message: err.message } } };
  if (err instanceof DossierError) {
    const status = err.code === ('store:not-found' satisfies ErrorCode) ? 404 : (DOSSIER_STATUS_BY_PREFIX[err.code.split(':')[0]!] ?? 500);
    return { status, body: { error: { code: err.code, message: err.message } } };
  }
  // A bug: the message may hold paths or SQL, so the client gets a generic one.
  return { status: 500, body: { error: { code: 'internal', message: 'internal error (see the server log)' } } };
}
