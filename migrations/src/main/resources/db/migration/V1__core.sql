-- Shiftwatch core schema (PostgreSQL 15 + pgvector 0.8).
-- The `vector` extension is created by a superuser during set-up (./shiftwatch infra up, or a DBA);
-- these migrations run as the project's own role and only use it.
-- Ids that make re-delivery idempotent are deterministic text (hex SHA-256) computed by the writers:
-- a checkpoint is its CheckpointEvent.eventId, an analysis is hash(run, step, config).
-- Vector columns have no fixed dimension so one table serves every model width; each row stores
-- `dim`, and HNSW indexes are partial expression indexes per dimension created on demand
-- (io.shiftwatch.migrations.VectorIndexes).

CREATE TABLE runs (
    run_id          text PRIMARY KEY,
    base_model_id   text        NOT NULL,
    base_model_uri  text        NOT NULL,
    base_model_format text      NOT NULL CHECK (base_model_format IN ('testbed', 'safetensors', 'torchscript')),
    base_model_hash text,
    labels          jsonb       NOT NULL DEFAULT '{}'::jsonb,
    status          text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'FINISHED', 'FAILED')),
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE probe_sets (
    probe_set_id  text PRIMARY KEY,
    uri           text,
    content_hash  text    NOT NULL UNIQUE CHECK (content_hash ~ '^[0-9a-f]{64}$'),
    image_size    integer NOT NULL CHECK (image_size > 0),
    sample_count  integer NOT NULL CHECK (sample_count >= 0),
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE probe_samples (
    probe_set_id  text NOT NULL REFERENCES probe_sets ON DELETE CASCADE,
    sample_id     text NOT NULL,
    ordinal       integer NOT NULL CHECK (ordinal >= 0),
    prompt        text NOT NULL,
    expected      text,
    answer_type   text NOT NULL,
    labels        jsonb NOT NULL DEFAULT '{}'::jsonb,
    thumbnail_png bytea,
    PRIMARY KEY (probe_set_id, sample_id),
    UNIQUE (probe_set_id, ordinal)
);

CREATE TABLE checkpoints (
    event_id        text PRIMARY KEY CHECK (event_id ~ '^[0-9a-f]{64}$'),
    run_id          text        NOT NULL REFERENCES runs ON DELETE CASCADE,
    step            bigint      NOT NULL CHECK (step >= 0),
    uri             text        NOT NULL,
    format          text        NOT NULL CHECK (format IN ('testbed', 'safetensors', 'torchscript')),
    sha256          text        CHECK (sha256 IS NULL OR sha256 ~ '^[0-9a-f]{64}$'),
    emitted_at      timestamptz NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now(),
    trainer         jsonb       NOT NULL DEFAULT '{}'::jsonb,
    status          text        NOT NULL DEFAULT 'RECEIVED'
                    CHECK (status IN ('RECEIVED', 'ANALYSING', 'ANALYSED', 'FAILED')),
    failure_reason  text,
    CHECK ((status = 'FAILED') = (failure_reason IS NOT NULL))
);
CREATE INDEX checkpoints_run_step ON checkpoints (run_id, step);

-- One analysis per (checkpoint, analysis config): the unit of work written in one transaction.
CREATE TABLE analyses (
    analysis_id      text PRIMARY KEY CHECK (analysis_id ~ '^[0-9a-f]{64}$'),
    checkpoint_id    text        NOT NULL REFERENCES checkpoints ON DELETE CASCADE,
    run_id           text        NOT NULL REFERENCES runs ON DELETE CASCADE,
    step             bigint      NOT NULL CHECK (step >= 0),
    config_hash      text        NOT NULL,
    config           jsonb       NOT NULL,
    base_model_hash  text        NOT NULL,
    checkpoint_hash  text        NOT NULL,
    probe_set_hash   text        NOT NULL,
    software_version text        NOT NULL,
    timings_ms       jsonb       NOT NULL DEFAULT '{}'::jsonb,
    summary          jsonb       NOT NULL DEFAULT '{}'::jsonb,
    started_at       timestamptz NOT NULL,
    finished_at      timestamptz NOT NULL,
    UNIQUE (run_id, step, config_hash),
    CHECK (finished_at >= started_at)
);
CREATE INDEX analyses_checkpoint ON analyses (checkpoint_id);

-- Latest progress of work on a checkpoint (upserted; not part of the analysis transaction).
CREATE TABLE analysis_progress (
    checkpoint_id text PRIMARY KEY REFERENCES checkpoints ON DELETE CASCADE,
    stage         text        NOT NULL,
    fraction      double precision NOT NULL CHECK (fraction >= 0 AND fraction <= 1),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- A concept dictionary of one model for one target token at one layer. Base dictionaries are shared
-- by every run on the same base (analysis_id NULL, unique on their key).
CREATE TABLE concept_dictionaries (
    dictionary_id  text PRIMARY KEY CHECK (dictionary_id ~ '^[0-9a-f]{64}$'),
    model_hash     text    NOT NULL,
    probe_set_hash text    NOT NULL,
    target         text    NOT NULL,
    layer          integer NOT NULL CHECK (layer >= -1),
    method         text    NOT NULL CHECK (method IN ('KMEANS', 'PCA', 'SEMI_NMF')),
    k              integer NOT NULL CHECK (k > 0),
    seed           bigint  NOT NULL,
    config_hash    text    NOT NULL,
    sample_count   integer NOT NULL CHECK (sample_count >= 0),
    inertia        double precision,
    overlap        double precision CHECK (overlap IS NULL OR (overlap >= 0 AND overlap <= 1)),
    is_base        boolean NOT NULL,
    analysis_id    text REFERENCES analyses ON DELETE CASCADE,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (is_base = (analysis_id IS NULL))
);
CREATE UNIQUE INDEX concept_dictionaries_base_key
    ON concept_dictionaries (model_hash, probe_set_hash, target, layer, config_hash) WHERE is_base;
CREATE INDEX concept_dictionaries_analysis ON concept_dictionaries (analysis_id) WHERE analysis_id IS NOT NULL;

CREATE TABLE concepts (
    concept_id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dictionary_id text    NOT NULL REFERENCES concept_dictionaries ON DELETE CASCADE,
    idx           integer NOT NULL CHECK (idx >= 0),
    vec           vector  NOT NULL,
    dim           integer NOT NULL CHECK (dim > 0),
    norm          double precision NOT NULL CHECK (norm >= 0),
    sample_count  integer NOT NULL CHECK (sample_count >= 0),
    UNIQUE (dictionary_id, idx),
    CHECK (vector_dims(vec) = dim)
);

CREATE TABLE concept_words (
    concept_id bigint  NOT NULL REFERENCES concepts ON DELETE CASCADE,
    rank       integer NOT NULL CHECK (rank >= 0),
    word       text    NOT NULL,
    logit      double precision NOT NULL,
    PRIMARY KEY (concept_id, rank)
);
CREATE INDEX concept_words_word ON concept_words (word);

CREATE TABLE concept_images (
    concept_id bigint  NOT NULL REFERENCES concepts ON DELETE CASCADE,
    rank       integer NOT NULL CHECK (rank >= 0),
    sample_id  text    NOT NULL,
    activation double precision NOT NULL,
    PRIMARY KEY (concept_id, rank)
);

-- Base concept k of (target, layer) matched to checkpoint concept pi(k) (NULL: vanished/unmatched).
CREATE TABLE concept_matches (
    analysis_id     text    NOT NULL REFERENCES analyses ON DELETE CASCADE,
    target          text    NOT NULL,
    layer           integer NOT NULL CHECK (layer >= -1),
    base_concept    integer NOT NULL CHECK (base_concept >= 0),
    matched_concept integer CHECK (matched_concept IS NULL OR matched_concept >= 0),
    cosine          double precision CHECK (cosine IS NULL OR (cosine >= -1.000001 AND cosine <= 1.000001)),
    t_overlap       double precision NOT NULL CHECK (t_overlap >= 0 AND t_overlap <= 1),
    image_overlap   double precision NOT NULL CHECK (image_overlap >= 0 AND image_overlap <= 1),
    PRIMARY KEY (analysis_id, target, layer, base_concept)
);

-- Concept shift metrics (PAPER.md section 4) per base concept.
CREATE TABLE concept_shifts (
    analysis_id        text    NOT NULL REFERENCES analyses ON DELETE CASCADE,
    target             text    NOT NULL,
    layer              integer NOT NULL CHECK (layer >= -1),
    base_concept       integer NOT NULL CHECK (base_concept >= 0),
    sample_count       integer NOT NULL CHECK (sample_count >= 0),
    shift_vec          vector,
    dim                integer CHECK (dim IS NULL OR dim > 0),
    magnitude          double precision CHECK (magnitude IS NULL OR magnitude >= 0),
    consistency        double precision,
    mean_cos_to_mean   double precision,
    delta_norm_mean    double precision,
    delta_norm_std     double precision,
    recovery_cos       double precision,
    recovery_l2        double precision,
    shifted_t_overlap  double precision CHECK (shifted_t_overlap IS NULL OR (shifted_t_overlap >= 0 AND shifted_t_overlap <= 1)),
    base_t_overlap     double precision CHECK (base_t_overlap IS NULL OR (base_t_overlap >= 0 AND base_t_overlap <= 1)),
    shift_words        text[]  NOT NULL DEFAULT '{}',
    PRIMARY KEY (analysis_id, target, layer, base_concept),
    CHECK ((shift_vec IS NULL) = (dim IS NULL))
);

-- Checkpoint concepts with no base counterpart.
CREATE TABLE emergent_concepts (
    analysis_id  text    NOT NULL REFERENCES analyses ON DELETE CASCADE,
    target       text    NOT NULL,
    layer        integer NOT NULL CHECK (layer >= -1),
    concept      integer NOT NULL CHECK (concept >= 0),
    best_cosine  double precision NOT NULL,
    words        text[]  NOT NULL DEFAULT '{}',
    PRIMARY KEY (analysis_id, target, layer, concept)
);

-- What fine-tuning added overall: mean(b) - mean(a) at (target, layer), and its grounding.
CREATE TABLE coarse_shifts (
    analysis_id text    NOT NULL REFERENCES analyses ON DELETE CASCADE,
    target      text    NOT NULL,
    layer       integer NOT NULL CHECK (layer >= -1),
    vec         vector  NOT NULL,
    dim         integer NOT NULL CHECK (dim > 0),
    magnitude   double precision NOT NULL CHECK (magnitude >= 0),
    words       text[]  NOT NULL DEFAULT '{}',
    PRIMARY KEY (analysis_id, target, layer)
);

CREATE TABLE correlations (
    analysis_id  text    NOT NULL REFERENCES analyses ON DELETE CASCADE,
    target       text    NOT NULL,
    layer        integer NOT NULL CHECK (layer >= -1),
    x            text    NOT NULL,
    y            text    NOT NULL,
    n            integer NOT NULL CHECK (n >= 0),
    pearson_r    double precision,
    pearson_p    double precision CHECK (pearson_p IS NULL OR (pearson_p >= 0 AND pearson_p <= 1)),
    spearman_rho double precision,
    spearman_p   double precision CHECK (spearman_p IS NULL OR (spearman_p >= 0 AND spearman_p <= 1)),
    PRIMARY KEY (analysis_id, target, layer, x, y)
);

-- Null distribution of a drift metric: the base model against itself (re-seeded K-Means, bootstrap
-- halves). `samples` is sorted ascending, so a quantile is a binary search.
CREATE TABLE null_distributions (
    base_key       text    NOT NULL,
    model_hash     text    NOT NULL,
    probe_set_hash text    NOT NULL,
    target         text    NOT NULL,
    layer          integer NOT NULL CHECK (layer >= -1),
    config_hash    text    NOT NULL,
    metric         text    NOT NULL,
    samples        double precision[] NOT NULL CHECK (cardinality(samples) > 0),
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (base_key, metric)
);

CREATE TABLE steering_vectors (
    steering_id text PRIMARY KEY,
    name        text    NOT NULL,
    kind        text    NOT NULL CHECK (kind IN ('COARSE', 'FINE')),
    model_hash  text    NOT NULL,
    layer       integer NOT NULL CHECK (layer >= 0),
    alpha       double precision NOT NULL,
    vec         vector  NOT NULL,
    dim         integer NOT NULL CHECK (dim > 0),
    run_id      text REFERENCES runs ON DELETE SET NULL,
    provenance  jsonb   NOT NULL DEFAULT '{}'::jsonb,
    evaluation  jsonb   NOT NULL DEFAULT '{}'::jsonb,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (vector_dims(vec) = dim)
);
