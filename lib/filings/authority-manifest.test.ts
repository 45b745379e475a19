import stringify from 'safe-stable-stringify';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import {
  type AuthorityManifest,
  AuthorityManifestWriter,
  manifestBytes,
  readManifestSlice,
  serializeAuthorityManifest,
} from './authority-manifest';

const SHA = 'ab'.repeat(32);

/** Written with keys in no particular order and strings JSON must escape. */
function awkwardManifest(): AuthorityManifest {
  return {
    version: 1,
    claimants: [
      {
        position: 1,
        referenceNumber: 'CPG-0000001',
        legalName: '김 "철수" \\ 한글 😀 \ud800 \u0007\n\t',
        legalNameLatin: null,
        dateOfBirth: '1990-01-02',
        isMinor: true,
        guardian: { names: ['김부', '이모'], relation: 'parents' },
        email: { verifiedAt: null, address: 'a+b@example.com' },
        phone: { verifiedAt: null, number: '010-1234-5678' },
        documents: [
          {
            userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) </script>',
            kind: 'retainer',
            id: '00000000-0000-4000-8000-000000000001',
            documentId: '00000000-0000-4000-8000-000000000002',
            version: 3,
            locale: 'ko',
            textSha256: SHA,
            signedAt: '2026-12-01T00:00:00.000Z',
            signerName: '김철수',
            ip: '2001:db8::1',
            ipStoredAs: 'plain',
          },
        ],
        auditEntries: [{ seq: 12, id: 34, chain: 'c', action: 'consent.signed', occurredAt: '2026-12-01T00:00:00.000Z', hash: SHA }],
        claimantId: '00000000-0000-4000-8000-000000000003',
      },
    ],
    generatedAt: '2026-12-04T00:00:00.000Z',
    filing: {
      version: 2,
      id: '00000000-0000-4000-8000-000000000004',
      caseSlug: 'coupang-2025',
      caseId: '00000000-0000-4000-8000-000000000005',
    },
    auditChain: '00000000-0000-4000-8000-000000000005',
  };
}

/** The same value with every object's keys set in the opposite order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, item]) => [key, reversedKeys(item)]),
  );
}

describe('serializeAuthorityManifest', () => {
  it('writes the same bytes as safe-stable-stringify, so manifests keep one spelling', () => {
    const manifest = awkwardManifest();
    expect(new TextDecoder().decode(serializeAuthorityManifest(manifest))).toBe(stringify(manifest));
  });

  it('sorts every object key and does not depend on the order the keys were set in', () => {
    const manifest = awkwardManifest();
    const reordered = reversedKeys(manifest) as AuthorityManifest;
    const text = new TextDecoder().decode(serializeAuthorityManifest(manifest));
    expect(new TextDecoder().decode(serializeAuthorityManifest(reordered))).toBe(text);
    expect(text.startsWith('{"auditChain":"00000000-0000-4000-8000-000000000005","claimants":[{"auditEntries":[{"action":')).toBe(true);
  });
});

describe('AuthorityManifestWriter', () => {
  /** Five claimants, each a copy of the awkward one at its own position. */
  function manyClaimants(): AuthorityManifest {
    const manifest = awkwardManifest();
    const [entry] = manifest.claimants;
    return {
      ...manifest,
      claimants: [1, 2, 3, 4, 5].map((position) => ({ ...entry, position, referenceNumber: `CPG-000000${position}` })),
    };
  }

  it('writes, a slice at a time, exactly the bytes of serializeAuthorityManifest, and their SHA-256', () => {
    const manifest = manyClaimants();
    const { claimants, ...head } = manifest;
    const writer = new AuthorityManifestWriter(head);
    for (const slice of [claimants.slice(0, 2), [], claimants.slice(2, 3), claimants.slice(3)]) writer.add(slice);
    const written = writer.finish();
    const expected = serializeAuthorityManifest(manifest);
    const joined = Buffer.concat([...manifestBytes(written.chunks)]);
    expect(joined.equals(Buffer.from(expected))).toBe(true);
    expect(written.byteSize).toBe(expected.byteLength);
    expect(written.sha256).toBe(createHash('sha256').update(expected).digest('hex'));
    expect(written.rows).toBe(5);
    expect(written.slices.map((slice) => [slice.firstRow, slice.rows])).toEqual([
      [0, 2],
      [2, 1],
      [3, 2],
    ]);
    expect(written.slices.flatMap((slice) => readManifestSlice(written.chunks, slice))).toEqual(
      JSON.parse(new TextDecoder().decode(expected)).claimants,
    );
  });

  it('writes a manifest of no claimants like serializeAuthorityManifest', () => {
    const { claimants: _none, ...head } = awkwardManifest();
    const written = new AuthorityManifestWriter(head).finish();
    const joined = Buffer.concat([...manifestBytes(written.chunks)]);
    expect(joined.toString('utf8')).toBe(new TextDecoder().decode(serializeAuthorityManifest({ ...head, claimants: [] })));
  });
});
