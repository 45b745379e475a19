-- Issue 17, item 3: a role reaches only an account whose address is proved. Memberships granted
-- before the invitation flow to accounts that never proved their address (an invitee who never
-- chose a password, or an account registered first under someone else's address) end here; a
-- case admin invites those people again, and the invitation flow proves the address.
DELETE FROM "case_memberships"
WHERE "user_id" IN (SELECT "id" FROM "users" WHERE "email_verified_at" IS NULL AND NOT "is_platform_admin");
