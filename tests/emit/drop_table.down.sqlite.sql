-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running downgrade c0000001 -> s0000001: drop posts
-- migrations/1_case.mig (structure-only)
BEGIN;

-- undo of line 8: create_table
CREATE TABLE posts (
    id INTEGER NOT NULL,
    author_id BIGINT NOT NULL,
    title VARCHAR(200) NOT NULL DEFAULT 'untitled',
    state TEXT CHECK (state IN ('draft', 'published')) NOT NULL DEFAULT 'draft',
    score INTEGER,
    CONSTRAINT pk_posts PRIMARY KEY (id),
    CONSTRAINT fk_posts_author_id_authors FOREIGN KEY (author_id) REFERENCES authors (id) ON DELETE CASCADE,
    CONSTRAINT ck_posts_1 CHECK (score >= 0),
    CONSTRAINT uq_posts_title UNIQUE (title)
);
-- undo of line 8: create_index
CREATE INDEX ix_posts_author_id ON posts (author_id);
-- undo of line 8: create_index
CREATE INDEX ix_posts_state_title ON posts (state, title) WHERE state = 'published';

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';

COMMIT;
