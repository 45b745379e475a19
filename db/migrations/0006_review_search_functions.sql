-- Search helpers for the review queue. Both are IMMUTABLE so expression indexes can use them.
--
-- search_bigrams: every pair of neighbouring characters of a value. Korean names are two to four
-- syllables and people search by any part of them (길동 for 홍길동, ㄱㄷ for its 초성), which a
-- btree cannot answer and trigrams cannot either (a two-character term has no trigram). A GIN
-- index over these pairs finds any part of two or more characters directly.
CREATE OR REPLACE FUNCTION search_bigrams(value text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT substr(value, i, 2)), '{}'::text[])
  FROM generate_series(1, char_length(value) - 1) AS i
$$;
--> statement-breakpoint
-- canonical_email: the mailbox an address delivers to. Lower-cased, without a +tag, and for Gmail
-- without dots, so Hong.Gildong+slammer@gmail.com and honggildong@gmail.com are one person (a
-- duplicate signal; account emails themselves stay unique as typed).
-- One expression without FROM and not STRICT, so the planner inlines it into set-based duplicate
-- checks (a call per row of a 100,000-claimant case would cost seconds).
CREATE OR REPLACE FUNCTION canonical_email(email text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN split_part(lower(btrim(email)), '@', 2) IN ('gmail.com', 'googlemail.com')
      THEN replace(split_part(split_part(lower(btrim(email)), '@', 1), '+', 1), '.', '') || '@gmail.com'
    ELSE split_part(split_part(lower(btrim(email)), '@', 1), '+', 1) || '@' || split_part(lower(btrim(email)), '@', 2)
  END
$$;
