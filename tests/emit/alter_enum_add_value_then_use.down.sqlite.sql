-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running downgrade c0000001 -> s0000001: failed is the new default
-- migrations/1_case.mig (lossless)
-- SQLite table rebuilds: foreign keys are off for this migration, so dropping
-- a rebuilt table leaves the rows that reference it alone.  ON DELETE and
-- ON UPDATE actions do not run in it either; every key is checked at its end.
PRAGMA foreign_keys=OFF;
BEGIN;

-- undo of line 9: data_update
UPDATE runs SET status = NULL WHERE status = 'failed';
-- undo of line 8: alter_column drop default
-- SQLite cannot drop a column's default: rebuild table runs from the model
CREATE TABLE runs__migc_new (
    id BIGINT NOT NULL,
    job_id BIGINT NOT NULL,
    status TEXT CHECK (status IN ('pending', 'active', 'archived', 'failed')),
    CONSTRAINT pk_runs PRIMARY KEY (id),
    CONSTRAINT fk_runs_job_id_jobs FOREIGN KEY (job_id) REFERENCES jobs (id) ON DELETE CASCADE
);
INSERT INTO runs__migc_new (id, job_id, status)
SELECT id, job_id, status FROM runs;
DROP TABLE runs;
PRAGMA legacy_alter_table=ON;
ALTER TABLE runs__migc_new RENAME TO runs;
PRAGMA legacy_alter_table=OFF;
-- undo of line 7: alter_enum drop value
-- SQLite cannot change a CHECK (an enum label dropped): rebuild table jobs from the model
CREATE TABLE jobs__migc_new (
    id BIGINT NOT NULL,
    status TEXT CHECK (status IN ('pending', 'active', 'archived')) NOT NULL DEFAULT 'pending',
    previous TEXT CHECK (previous IN ('pending', 'active', 'archived')),
    CONSTRAINT pk_jobs PRIMARY KEY (id),
    CONSTRAINT ck_jobs_status CHECK (status <> 'pending' OR previous IS NOT NULL OR id > 0)
);
INSERT INTO jobs__migc_new (id, status, previous)
SELECT id, status, previous FROM jobs;
DROP TABLE jobs;
PRAGMA legacy_alter_table=ON;
ALTER TABLE jobs__migc_new RENAME TO jobs;
PRAGMA legacy_alter_table=OFF;
CREATE INDEX ix_jobs_active ON jobs (id) WHERE status = 'active';
-- SQLite cannot change a CHECK (an enum label dropped): rebuild table runs from the model
CREATE TABLE runs__migc_new (
    id BIGINT NOT NULL,
    job_id BIGINT NOT NULL,
    status TEXT CHECK (status IN ('pending', 'active', 'archived')),
    CONSTRAINT pk_runs PRIMARY KEY (id),
    CONSTRAINT fk_runs_job_id_jobs FOREIGN KEY (job_id) REFERENCES jobs (id) ON DELETE CASCADE
);
INSERT INTO runs__migc_new (id, job_id, status)
SELECT id, job_id, status FROM runs;
DROP TABLE runs;
PRAGMA legacy_alter_table=ON;
ALTER TABLE runs__migc_new RENAME TO runs;
PRAGMA legacy_alter_table=OFF;

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';

-- every foreign key must still hold after the table rebuilds
PRAGMA foreign_key_check;
CREATE TEMP TABLE migc_foreign_key_check (
    violations INTEGER CONSTRAINT "foreign key violations: see PRAGMA foreign_key_check" CHECK (violations = 0)
);
INSERT INTO migc_foreign_key_check SELECT count(*) FROM pragma_foreign_key_check;
DROP TABLE temp.migc_foreign_key_check;

COMMIT;
PRAGMA foreign_keys=ON;
