-- Generated offline from the migration files; review before running.
-- MySQL and MariaDB commit each DDL statement at once: a migration that fails
-- halfway leaves its earlier statements applied.  Run with: mysql --force=false

SET NAMES utf8mb4 COLLATE utf8mb4_bin;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION';
SET SESSION time_zone = '+00:00';

-- Running downgrade c0000001 -> s0000001: drop posts
-- migrations/1_case.mig (structure-only)

-- undo of line 8: create_table
CREATE TABLE posts (
    id BIGINT NOT NULL AUTO_INCREMENT,
    author_id BIGINT NOT NULL,
    title VARCHAR(200) NOT NULL DEFAULT 'untitled',
    state ENUM('draft', 'published') NOT NULL DEFAULT 'draft',
    score INT,
    CONSTRAINT pk_posts PRIMARY KEY (id),
    CONSTRAINT fk_posts_author_id_authors FOREIGN KEY (author_id) REFERENCES authors (id) ON DELETE CASCADE,
    CONSTRAINT ck_posts_1 CHECK (score >= 0),
    CONSTRAINT uq_posts_title UNIQUE (title),
    INDEX fk_posts_author_id_authors (author_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
-- undo of line 8: create_index
ALTER TABLE posts ADD INDEX ix_posts_author_id (author_id),
    DROP INDEX fk_posts_author_id_authors;
-- undo of line 8: create_index
-- MySQL has no partial indexes: ix_posts_state_title covers every row
CREATE INDEX ix_posts_state_title ON posts (state, title);

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';
