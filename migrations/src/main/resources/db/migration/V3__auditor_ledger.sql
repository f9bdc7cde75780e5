-- Auditor ledger: which alert state changes are already recorded, so a re-delivered alert appends no
-- second audit row. A change is identified by (finding id, state, step, severity): the alert lifecycle
-- emits at most one change of a given state and severity per finding and checkpoint.
CREATE TABLE finding_changes (
    finding_id text    NOT NULL REFERENCES findings ON DELETE CASCADE,
    state      text    NOT NULL CHECK (state IN ('RAISED', 'UPDATED', 'RESOLVED')),
    step       bigint  NOT NULL CHECK (step >= 0),
    severity   text    NOT NULL CHECK (severity IN ('INFO', 'WARNING', 'CRITICAL')),
    audit_seq  bigint  NOT NULL REFERENCES audit_log (seq),
    PRIMARY KEY (finding_id, state, step, severity)
);

-- The auditor may see a run's alerts before the analyzer has written the run row (they travel on
-- different topics). A finding is recorded anyway; readers join runs with LEFT JOIN. Runs are not
-- deleted in normal operation, so the cascade the foreign key gave is not needed.
ALTER TABLE findings DROP CONSTRAINT findings_run_id_fkey;
