-- The dealkit reference schema. Text that is compared or sorted uses the "C"
-- collation: byte order, which is the order the kit's own rules use
-- (JavaScript string comparison), whatever the database's locale.
-- Instants and days are stored as the ISO strings the API carries, so a
-- record reads back exactly as it was written.

CREATE TABLE stages (
  id text COLLATE "C" PRIMARY KEY,
  name text NOT NULL,
  sort_order double precision NOT NULL,
  probability double precision NOT NULL,
  won boolean NOT NULL,
  folded boolean NOT NULL
);

CREATE TABLE lost_reasons (
  -- Creation order, the order the API lists reasons in.
  seq bigserial NOT NULL,
  id text COLLATE "C" PRIMARY KEY,
  name text NOT NULL,
  -- The name lower-cased by the server: names are unique ignoring case.
  name_key text NOT NULL UNIQUE,
  archived boolean NOT NULL,
  created_at text NOT NULL
);

CREATE TABLE deals (
  id text COLLATE "C" PRIMARY KEY,
  title text NOT NULL,
  company text NOT NULL,
  contact text NOT NULL,
  amount double precision NOT NULL,
  currency text NOT NULL,
  stage_id text COLLATE "C" NOT NULL,
  probability double precision NOT NULL,
  probability_manual boolean NOT NULL,
  expected_close text COLLATE "C",
  owner text COLLATE "C" NOT NULL,
  priority integer NOT NULL,
  tags jsonb NOT NULL,
  status text NOT NULL,
  rank double precision NOT NULL,
  lost_reason_id text COLLATE "C",
  closing_note text NOT NULL,
  probability_before_close double precision,
  closed_at text COLLATE "C",
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version text NOT NULL,
  -- Derived by the server with the kit's own rules, so SQL sorts and searches
  -- exactly as the kit does: the lower-cased title (sort key and search),
  -- company and contact (search), and the UTC day the deal was closed.
  title_key text COLLATE "C" NOT NULL,
  company_key text NOT NULL,
  contact_key text NOT NULL,
  closed_day text COLLATE "C"
);

-- Column order (the board), per stage and overall.
CREATE INDEX deals_stage_rank ON deals (stage_id, rank, id);
CREATE INDEX deals_rank ON deals (rank, id);
-- The other sorts of the list.
CREATE INDEX deals_amount ON deals (amount, id);
CREATE INDEX deals_expected_close ON deals (expected_close, id);
CREATE INDEX deals_updated_at ON deals (updated_at, id);
CREATE INDEX deals_status ON deals (status);

CREATE TABLE history (
  seq bigserial PRIMARY KEY,
  id text COLLATE "C" NOT NULL UNIQUE,
  -- No foreign key: a deleted deal's history is kept.
  deal_id text COLLATE "C" NOT NULL,
  event jsonb NOT NULL
);
CREATE INDEX history_deal ON history (deal_id, seq);

-- Answers of commands sent with an Idempotency-Key, replayed for a repeat.
CREATE TABLE idempotency_keys (
  operation text NOT NULL,
  key text NOT NULL,
  -- What was asked (method, path, If-Match, body), so a key reused for another request is refused.
  fingerprint text NOT NULL,
  status integer NOT NULL,
  body jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (operation, key)
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
