import { type AppError, toAppError } from '@/lib/errors';
import { splitMessageKey } from '@/lib/forms/zod-errors';
import { localeFromRequest, getTranslator } from '@/lib/i18n/translator';
import { bodyParseErrorToAppError } from './body';

export type RouteContext<P extends Record<string, string> = Record<string, string>> = { params: Promise<P> };

/**
 * Wraps a route handler: any error becomes a JSON answer with the right status and a translated
 * message; stack traces and database errors go to the log only. Database outages answer 503 with
 * Retry-After so clients and load balancers back off instead of seeing a 500. A body that does not
 * parse (broken JSON or multipart) is the client's 422, whoever tried to read it.
 */
export function handleRoute<P extends Record<string, string>>(handler: (request: Request, context: RouteContext<P>) => Promise<Response>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      return await handler(request, context);
    } catch (error) {
      const appError = bodyParseErrorToAppError(error) ?? toAppError(error, `${request.method} ${new URL(request.url).pathname}`);
      return errorResponse(request, appError);
    }
  };
}

export function errorResponse(request: Request, error: AppError, extraHeaders: Record<string, string> = {}): Response {
  const t = getTranslator(localeFromRequest(request));
  const fieldErrors = error.fieldErrors
    ? Object.fromEntries(Object.entries(error.fieldErrors).map(([field, key]) => [field, translateKey(t, key)]))
    : undefined;
  const headers: Record<string, string> = { 'Cache-Control': 'no-store', ...extraHeaders };
  if (error.retryAfterSeconds) headers['Retry-After'] = String(error.retryAfterSeconds);
  return Response.json(
    { error: error.code, message: translateKey(t, error.messageKey ?? `errors.${error.code}`), ...(fieldErrors ? { fieldErrors } : {}) },
    { status: error.status, headers },
  );
}

type Translate = ReturnType<typeof getTranslator>;

/** Keys may carry parameters as `key|{"min":10}` (what zod issues become, see lib/forms). */
export function translateKey(t: Translate, key: string): string {
  const { path, params } = splitMessageKey(key);
  return (t as unknown as (k: string, p?: Record<string, string | number>) => string)(path, params);
}
