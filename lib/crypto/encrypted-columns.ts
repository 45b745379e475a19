import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { claimants, supporters, users } from '@/db/schema';

export type EncryptedColumn = { table: PgTable & { id: AnyPgColumn }; tableName: string; column: AnyPgColumn; columnName: string };

/**
 * Every column that holds a value from `encryptField`. Key rotation re-encrypts exactly these, and
 * a test fails when the schema gains an `*_encrypted` column that is not listed here.
 */
export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  { table: claimants, tableName: 'claimants', column: claimants.dateOfBirthEncrypted, columnName: 'date_of_birth_encrypted' },
  { table: claimants, tableName: 'claimants', column: claimants.phoneEncrypted, columnName: 'phone_encrypted' },
  { table: claimants, tableName: 'claimants', column: claimants.addressEncrypted, columnName: 'address_encrypted' },
  { table: supporters, tableName: 'supporters', column: supporters.phoneEncrypted, columnName: 'phone_encrypted' },
  { table: users, tableName: 'users', column: users.totpSecretEncrypted, columnName: 'totp_secret_encrypted' },
];

/**
 * JSON columns whose values may hold `{ "$encrypted": … }` objects from `encryptField`: the sealed
 * free-text answers of a claim (lib/claims/store/sealed-answers.ts). Key rotation re-encrypts
 * those inside them too, so an old key can be retired without losing an answer.
 */
export const SEALED_JSON_COLUMNS: readonly EncryptedColumn[] = [
  { table: claimants, tableName: 'claimants', column: claimants.answers, columnName: 'answers' },
];
