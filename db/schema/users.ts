import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns';

export const localeEnum = pgEnum('locale', ['ko', 'en']);

export const users = pgTable(
  'users',
  {
    id: id(),
    /** Stored lower-cased and trimmed; uniqueness is on this normalised form. */
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    name: text('name').notNull(),
    locale: localeEnum('locale').notNull().default('ko'),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    /** Platform operators: create cases, manage memberships, read the outbox and audit log. */
    isPlatformAdmin: boolean('is_platform_admin').notNull().default(false),
    /** TOTP secret, field-encrypted; set once two-factor sign-in is switched on. */
    totpSecretEncrypted: text('totp_secret_encrypted'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** The last TOTP time step accepted: a code works once, even within its window (ASVS 2.8.4). */
    totpLastTimeStep: integer('totp_last_time_step'),
    /** Bumped on password change / sign-out everywhere; sessions carrying an older value end. */
    sessionVersion: integer('session_version').notNull().default(1),
    lastSignedInAt: timestamp('last_signed_in_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    // The same mailbox under another spelling: duplicate checks and the review search (migration 0006).
    index('users_canonical_email_idx').on(sql`canonical_email(${t.email})`),
  ],
);

export const authTokenKindEnum = pgEnum('auth_token_kind', ['email_verification', 'password_reset']);

/** Single-use, expiring tokens; only their SHA-256 is stored so a database leak reveals none. */
export const authTokens = pgTable(
  'auth_tokens',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: authTokenKindEnum('kind').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex('auth_tokens_token_hash_key').on(t.tokenHash), index('auth_tokens_user_idx').on(t.userId, t.kind)],
);

/**
 * One-time recovery codes for a lost authenticator: each replaces one TOTP code once. Only a
 * salted SHA-256 of each is stored (`salt:hash`; lib/auth/two-factor.ts).
 */
export const totpRecoveryCodes = pgTable(
  'totp_recovery_codes',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('totp_recovery_codes_user_code_key').on(t.userId, t.codeHash)],
);

/**
 * `account`/`ip`: failed sign-ins. `reauth`: failed password or code checks inside a session
 * (lib/auth/reauth.ts). `reset_address`/`reset_ip`: reset requests. `notice`: mails that tell an
 * address's owner someone used it (sign-up, petition), so they cannot be used to flood a mailbox.
 * `verification`: resent verification mails.
 */
export const loginAttemptScopeEnum = pgEnum('login_attempt_scope', [
  'account',
  'ip',
  'reauth',
  'reset_address',
  'reset_ip',
  'notice',
  'verification',
]);

/**
 * Counted events for throttling, kept in Postgres so limits hold across app instances (ASVS 2.2.1).
 * `subject` is a normalised email, a user id, or an HMAC of the IP address (IPv6 by /64).
 */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: id(),
    scope: loginAttemptScopeEnum('scope').notNull(),
    subject: text('subject').notNull(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [index('login_attempts_subject_idx').on(t.scope, t.subject, t.attemptedAt)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type AuthToken = typeof authTokens.$inferSelect;

/**
 * Server-side record of each signed-in session (the JWT carries only its id). It gives idle and
 * absolute timeouts for staff, sign-out everywhere and revocation, which a bare JWT cannot.
 */
export const userSessions = pgTable(
  'user_sessions',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    isStaff: boolean('is_staff').notNull().default(false),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ipHash: text('ip_hash'),
    userAgent: text('user_agent'),
    ...timestamps,
  },
  (t) => [index('user_sessions_user_idx').on(t.userId)],
);

export type UserSession = typeof userSessions.$inferSelect;
