/**
 * Rows written before the chains were keyed (migration 0022): one chain in id order, hashed with
 * unkeyed SHA-256 (lib/audit/digest.ts `legacyRowHash`). They stay verifiable; their head is pinned
 * by the first anchor recorded after the upgrade.
 */
export const LEGACY_CHAIN = 'legacy';
