import { describe, expect, it, vi } from 'vitest';
import { AppError } from '@/lib/errors';
import { runAction } from './action';
import { splitMessageKey } from './zod-errors';

vi.mock('next-intl/server', async () => (await import('@/tests/helpers/next-context')).nextIntlServerMock);

describe('message keys with parameters', () => {
  it('splits at the first bar only, so a parameter keeps its own bars', () => {
    expect(splitMessageKey('validation.tooLong|{"max":100}')).toEqual({ path: 'validation.tooLong', params: { max: 100 } });
    expect(splitMessageKey('filings.validation.unknownReferences|{"count":1,"refs":"A||B"}')).toEqual({
      path: 'filings.validation.unknownReferences',
      params: { count: 1, refs: 'A||B' },
    });
    expect(splitMessageKey('errors.not_found')).toEqual({ path: 'errors.not_found' });
  });

  it('turns a refusal whose parameter holds a bar into a translated message, not a crash', async () => {
    const refs = "'||(SELECT VERSION())||'";
    const result = await runAction({ references: refs }, async () => {
      throw new AppError('invalid_input', {
        fieldErrors: { references: `filings.validation.unknownReferences|${JSON.stringify({ count: 1, refs })}` },
      });
    });
    expect(result).toMatchObject({ ok: false, values: { references: refs } });
    expect(result.ok ? '' : result.fieldErrors.references).toContain(refs);
  });

  it('fills in the parameters of a message key too', async () => {
    const result = await runAction({}, async () => {
      throw new AppError('payload_too_large', { messageKey: 'intake.evidence.errors.fileTooLarge|{"max":"20"}' });
    });
    expect(result.ok ? '' : result.message).toContain('20');
  });
});
