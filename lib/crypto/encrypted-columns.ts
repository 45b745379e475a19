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
