-- Auditor state: findings (one row per alert identity), acknowledgements, webhook deliveries, and the
-- append-only, hash-chained audit log.

CREATE TABLE findings (
    finding_id      text PRIMARY KEY CHECK (finding_id ~ '^[0-9a-f]{64}$'),
    run_id          text    NOT NULL REFERENCES runs ON DELETE CASCADE,
    type            text    NOT NULL CHECK (type IN ('VANISHING', 'SPECIALISING', 'BIAS_ABSORBING', 'EMERGING',
                                                     'TREND_FALL', 'TREND_JUMP')),
    severity        text    NOT NULL CHECK (severity IN ('INFO', 'WARNING', 'CRITICAL')),
    state           text    NOT NULL CHECK (state IN ('RAISED', 'UPDATED', 'ACKNOWLEDGED', 'RESOLVED')),
    target          text    NOT NULL,
    layer           integer NOT NULL CHECK (layer >= -1),
    concept         integer NOT NULL CHECK (concept >= -1),
    first_seen_step bigint  NOT NULL CHECK (first_seen_step >= 0),
    last_seen_step  bigint  NOT NULL,
    evidence        jsonb   NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (last_seen_step >= first_seen_step)
);
CREATE INDEX findings_open_by_run ON findings (run_id, severity) WHERE state <> 'RESOLVED';
CREATE INDEX findings_concept ON findings (run_id, target, layer, concept);

CREATE TABLE acknowledgements (
    finding_id text NOT NULL REFERENCES findings ON DELETE CASCADE,
    seq        integer NOT NULL CHECK (seq >= 0),
    who        text NOT NULL CHECK (length(who) > 0),
    why        text NOT NULL CHECK (length(why) > 0),
    at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (finding_id, seq)
);

CREATE TABLE webhook_deliveries (
    delivery_id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    finding_id   text    NOT NULL REFERENCES findings ON DELETE CASCADE,
    url          text    NOT NULL,
    attempt      integer NOT NULL CHECK (attempt >= 1),
    status_code  integer,
    outcome      text    NOT NULL CHECK (outcome IN ('DELIVERED', 'RETRYING', 'DEAD_LETTERED')),
    error        text,
    at           timestamptz NOT NULL DEFAULT now()
);

-- Append-only audit log. row_hash = SHA-256 over the canonical text defined by
-- io.shiftwatch.migrations.AuditChain.rowHash (seq, at, actor, action, subject, canonical payload,
-- prev_hash); prev_hash of the first row is AuditChain.GENESIS. Rows are never updated or deleted
-- (the trigger below), so `./shiftwatch audit verify` can prove nothing was edited.
CREATE TABLE audit_log (
    seq       bigint PRIMARY KEY,
    at        timestamptz NOT NULL,
    actor     text NOT NULL CHECK (length(actor) > 0),
    action    text NOT NULL CHECK (length(action) > 0),
    subject   text NOT NULL,
    run_id    text,
    payload   jsonb NOT NULL,
    prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
    row_hash  text NOT NULL UNIQUE CHECK (row_hash ~ '^[0-9a-f]{64}$')
);
CREATE INDEX audit_log_run ON audit_log (run_id, seq);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_LEVEL = 'ROW' THEN
        RAISE EXCEPTION 'audit_log is append-only: % of seq % refused', TG_OP, OLD.seq
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_log_no_update_delete
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
