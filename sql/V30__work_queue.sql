-- Shared work queue (issue 14): every node's workers take jobs from here with
-- SELECT ... FOR UPDATE SKIP LOCKED; a lease that is not renewed (the node died) lets another node retry.
CREATE TABLE work_queue (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job_id       bigint      NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    kind         text        NOT NULL,
    state        text        NOT NULL DEFAULT 'ready' CHECK (state IN ('ready','leased','done','failed')),
    attempts     int         NOT NULL DEFAULT 0,
    max_attempts int         NOT NULL DEFAULT 3 CHECK (max_attempts >= 1),
    leased_by    text,
    lease_until  timestamptz,
    last_error   text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz
);
-- the workers' scan: only open items, oldest first
CREATE INDEX work_queue_open_idx ON work_queue (id) WHERE state IN ('ready','leased');
CREATE INDEX work_queue_job_idx ON work_queue (job_id);

-- which node runs (or last ran) a job, and how many times it was started
ALTER TABLE jobs ADD COLUMN node text;
ALTER TABLE jobs ADD COLUMN attempts int NOT NULL DEFAULT 0;

-- Per-user rate limits that hold across nodes: one token bucket per (scope, user), refilled by time
CREATE UNLOGGED TABLE rate_buckets ( -- losing it in a crash only resets the buckets
    scope       text        NOT NULL,
    user_id     bigint      NOT NULL,
    tokens      real        NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, user_id)
);
