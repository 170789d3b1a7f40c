-- stable and constant defaults are stored once, without a rewrite
ALTER TABLE users ADD COLUMN seen_at timestamptz DEFAULT now();
ALTER TABLE users ADD COLUMN active boolean DEFAULT false;
ALTER TABLE users ADD COLUMN created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP;
