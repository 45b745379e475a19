/**
 * The one error type the app raises on purpose. Each code maps to an HTTP status and to a
 * translated message (`errors.<code>` in the catalogs); internal details stay in the log.
 */
export const ERROR_STATUS = {
  unauthenticated: 401,
  /** Signed in, but the address is not proved yet: only the "verify first" page is open (docs/security.md). */
  unverified: 403,
  forbidden: 404, // never reveal that someone else's record exists
  not_found: 404,
  /** A cross-site post to a server action (CSRF): refused before Next.js, which would answer 500. */
  cross_origin: 403,
  method_not_allowed: 405,
  invalid_input: 422,
  conflict: 409,
  stale: 409,
  rate_limited: 429,
  payload_too_large: 413,
  unsupported_media: 415,
  unavailable: 503,
  internal: 500,
} as const;

export type AppErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly status: number;
  /** Field errors for `invalid_input`: field → translation key (or key with params). */
  readonly fieldErrors?: Record<string, string>;
  readonly retryAfterSeconds?: number;
  /** A more specific translated message than `errors.<code>`, e.g. `auth.emailTaken`. */
  readonly messageKey?: string;

  constructor(
    code: AppErrorCode,
    options: {
      message?: string;
      messageKey?: string;
      fieldErrors?: Record<string, string>;
      retryAfterSeconds?: number;
      cause?: unknown;
    } = {},
  ) {
    super(options.message ?? code, { cause: options.cause });
    this.messageKey = options.messageKey;
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.fieldErrors = options.fieldErrors;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08000',
  '08001',
  '08003',
  '08006',
]);

/**
 * PostgreSQL down or restarting shows up as socket errors or admin-shutdown SQLSTATEs; those are
 * a temporary 503 with Retry-After, not a 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && CONNECTION_ERROR_CODES.has(code)) return true;
    const message = (current as { message?: unknown }).message;
    if (
      typeof message === 'string' &&
      /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(message)
    )
      return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Unique-constraint violations, e.g. a second signature racing the first. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const { code, constraint: name } = current as { code?: unknown; constraint?: unknown };
    if (code === '23505' && (!constraint || name === constraint)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * PostgreSQL's data exceptions (SQLSTATE class 22: a NUL byte in text, a malformed uuid or number,
 * a value out of range) are caused by the values sent, so they are the sender's 422, not our 500.
 */
export function isDataException(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Normalises anything thrown into an AppError, logging what the user must not see. */
export function toAppError(error: unknown, context?: string): AppError {
  if (isAppError(error)) return error;
  if (isDatabaseUnavailable(error)) return new AppError('unavailable', { retryAfterSeconds: 5, cause: error });
  if (isDataException(error)) return new AppError('invalid_input', { cause: error });
  console.error(`[joinder] unexpected error${context ? ` in ${context}` : ''}:`, error);
  return new AppError('internal', { cause: error });
}
