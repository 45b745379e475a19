import { describe, expect, it } from 'vitest';
import { decodeActionValue } from './http-session';

describe('decodeActionValue', () => {
  it('reads the value row the root row points to', () => {
    expect(decodeActionValue('0:{"a":"$@1","f":"","b":"x"}\n1:{"ok":false,"message":"Please sign in"}\n')).toEqual({
      ok: false,
      message: 'Please sign in',
    });
  });

  it('puts long strings, sent as text rows with a byte length, back in place', () => {
    const long = '가'.repeat(3);
    const payload = `0:{"a":"$@1","f":"","b":"x"}\n2:T${Buffer.byteLength(long).toString(16)},${long}1:{"ok":false,"message":"Check the form","values":{"text":"$2"}}\n`;
    expect(decodeActionValue(payload)).toEqual({ ok: false, message: 'Check the form', values: { text: long } });
  });

  it('is undefined for an action that returns nothing', () => {
    expect(decodeActionValue('0:{"a":"$undefined","f":"","b":"x"}\n')).toBeUndefined();
  });
});
