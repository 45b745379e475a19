import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { getAuthOptions } from '@/lib/auth/options';
import { AppError, toAppError } from '@/lib/errors';
import { bodyParseErrorToAppError } from '@/lib/http/body';
import { errorResponse } from '@/lib/http/route';

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth's own endpoints. Its handler parses bodies itself and answers 500 to a body it cannot
 * read; the sign-in form only ever posts form-encoded data, so anything else is refused first, and
 * anything still thrown becomes a 4xx with a message.
 */
async function handler(request: NextRequest, context: Context) {
  try {
    const type = request.headers.get('content-type') ?? '';
    if (request.method === 'POST' && !type.toLowerCase().startsWith('application/x-www-form-urlencoded'))
      throw new AppError('unsupported_media');
    // Options are built per request so that building the app needs no secrets.
    return await NextAuth(request as never, context as never, getAuthOptions());
  } catch (error) {
    return errorResponse(request, bodyParseErrorToAppError(error) ?? toAppError(error, `${request.method} /api/auth`));
  }
}

export { handler as GET, handler as POST };
