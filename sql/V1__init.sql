-- Tunesmith schema v1. Applied by Flyway at start-up (see dev.tunesmith.db.Migrations).
-- Conventions: bigint identity keys, timestamptz in UTC, snake_case, every FK indexed.

-- Users and roles ----------------------------------------------------------------------------
CREATE TABLE users (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username        text        NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9_.-]{3,32}$'),
    password_hash   text,                       -- NULL: cannot log in (e.g. imported Last.fm users)
    roles           text[]      NOT NULL DEFAULT ARRAY['listener'],
    disabled        boolean     NOT NULL DEFAULT false,
    token_version   integer     NOT NULL DEFAULT 0, -- bumped to revoke every token of a user
    source          text        NOT NULL DEFAULT 'local',   -- local | lastfm
    external_id     text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (source, external_id)
);

-- Catalog --------------------------------------------------------------------------------------
CREATE TABLE artists (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL,
    source      text NOT NULL,              -- freemusicc | spotify | lastfm | demo
    external_id text NOT NULL,
    url         text,
    UNIQUE (source, external_id)
);
CREATE INDEX artists_name_idx ON artists (lower(name));

CREATE TABLE tracks (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source              text    NOT NULL,   -- freemusicc | spotify | demo
    external_id         text    NOT NULL,
    title               text    NOT NULL,
    artist_id           bigint  REFERENCES artists (id),
    artist_name         text    NOT NULL,
    album               text,
    genre               text,
    tags                text[]  NOT NULL DEFAULT '{}',
    duration_sec        integer CHECK (duration_sec IS NULL OR duration_sec >= 0),
    valence             real    CHECK (valence IS NULL OR valence BETWEEN 0 AND 1),
    energy              real    CHECK (energy IS NULL OR energy BETWEEN 0 AND 1),
    danceability        real    CHECK (danceability IS NULL OR danceability BETWEEN 0 AND 1),
    acousticness        real    CHECK (acousticness IS NULL OR acousticness BETWEEN 0 AND 1),
    instrumentalness    real    CHECK (instrumentalness IS NULL OR instrumentalness BETWEEN 0 AND 1),
    tempo               real    CHECK (tempo IS NULL OR tempo >= 0),
    features_estimated  boolean NOT NULL DEFAULT false,
    activity            smallint,           -- freemusi.cc: 1 passive .. 3 active
    rating              real,
    year                integer,
    label               text,
    url                 text,
    licence             text,
    hidden              boolean NOT NULL DEFAULT false,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    search              tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('simple', coalesce(artist_name, '')), 'A') ||
        setweight(to_tsvector('simple', coalesce(album, '')), 'B') ||
        setweight(to_tsvector('simple', coalesce(genre, '')), 'B')
    ) STORED,
    UNIQUE (source, external_id)
);
CREATE INDEX tracks_artist_idx ON tracks (artist_id);
CREATE INDEX tracks_tags_idx   ON tracks USING gin (tags);
CREATE INDEX tracks_search_idx ON tracks USING gin (search);
CREATE INDEX tracks_title_idx  ON tracks (lower(title), id);

-- Listening events (the product's implicit feedback) ------------------------------------------
CREATE TABLE events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    track_id    bigint      NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
    type        text        NOT NULL CHECK (type IN ('play','skip','like','unlike','favorite','unfavorite','share','comment')),
    played_sec  real        CHECK (played_sec IS NULL OR played_sec >= 0),
    text        text        CHECK (text IS NULL OR length(text) <= 2000),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_user_time_idx ON events (user_id, created_at DESC);
CREATE INDEX events_track_idx     ON events (track_id);
CREATE INDEX events_time_idx      ON events (created_at);

-- Social graph and Last.fm HetRec data (artists as items) -------------------------------------
CREATE TABLE friendships (
    user_id   bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    friend_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, friend_id),
    CHECK (user_id <> friend_id)
);
CREATE INDEX friendships_friend_idx ON friendships (friend_id);

CREATE TABLE artist_plays (
    user_id   bigint  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    artist_id bigint  NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
    plays     integer NOT NULL CHECK (plays >= 0),
    PRIMARY KEY (user_id, artist_id)
);
CREATE INDEX artist_plays_artist_idx ON artist_plays (artist_id);

CREATE TABLE artist_tags (
    user_id   bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    artist_id bigint NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
    tag       text   NOT NULL,
    tagged_at date,
    PRIMARY KEY (user_id, artist_id, tag)
);
CREATE INDEX artist_tags_artist_idx ON artist_tags (artist_id);

-- Playlists ----------------------------------------------------------------------------------
CREATE TABLE conversations (
    id          uuid        PRIMARY KEY,
    user_id     bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title       text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversations_user_idx ON conversations (user_id, updated_at DESC);

CREATE TABLE messages (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id uuid        NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    role            text        NOT NULL CHECK (role IN ('user','assistant','system','tool')),
    content         text        NOT NULL,
    payload         jsonb,      -- artifacts attached to an assistant answer
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX messages_conversation_idx ON messages (conversation_id, id);

-- LangChain4j ChatMemoryStore: the bounded working memory of one conversation.
CREATE TABLE chat_memory (
    conversation_id uuid  PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
    messages        jsonb NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE playlists (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id         bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    conversation_id uuid        REFERENCES conversations (id) ON DELETE SET NULL,
    title           text        NOT NULL,
    mood            text,
    constraints     jsonb       NOT NULL DEFAULT '{}',
    hidden          boolean     NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX playlists_user_idx ON playlists (user_id, created_at DESC);
CREATE INDEX playlists_conversation_idx ON playlists (conversation_id);

CREATE TABLE playlist_items (
    playlist_id bigint  NOT NULL REFERENCES playlists (id) ON DELETE CASCADE,
    position    integer NOT NULL CHECK (position >= 0),
    track_id    bigint  NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
    score       real,
    reasons     text[]  NOT NULL DEFAULT '{}',
    PRIMARY KEY (playlist_id, position)
);
CREATE INDEX playlist_items_track_idx ON playlist_items (track_id);

-- Generated artifacts (lyrics, melodies) ------------------------------------------------------
CREATE TABLE artifacts (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id         bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    conversation_id uuid        REFERENCES conversations (id) ON DELETE SET NULL,
    kind            text        NOT NULL CHECK (kind IN ('lyrics','melody')),
    title           text        NOT NULL,
    content         jsonb       NOT NULL,
    hidden          boolean     NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX artifacts_user_idx ON artifacts (user_id, created_at DESC);
CREATE INDEX artifacts_conversation_idx ON artifacts (conversation_id);

-- Jobs, models, evaluation -----------------------------------------------------------------
CREATE TABLE jobs (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         text        NOT NULL,      -- import | train-als | train-melody | train-lyrics | eval
    state        text        NOT NULL DEFAULT 'queued' CHECK (state IN ('queued','running','succeeded','failed','cancelled')),
    progress     real        NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 1),
    message      text,
    params       jsonb       NOT NULL DEFAULT '{}',
    result       jsonb,
    log          text        NOT NULL DEFAULT '',
    created_by   bigint      REFERENCES users (id) ON DELETE SET NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    started_at   timestamptz,
    finished_at  timestamptz
);
CREATE INDEX jobs_created_idx ON jobs (created_at DESC);
CREATE INDEX jobs_created_by_idx ON jobs (created_by);

CREATE TABLE models (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        text        NOT NULL,       -- recommender | melody | lyrics
    version     text        NOT NULL,
    live        boolean     NOT NULL DEFAULT false,
    metrics     jsonb       NOT NULL DEFAULT '{}',
    data        bytea,
    job_id      bigint      REFERENCES jobs (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (kind, version)
);
CREATE UNIQUE INDEX models_one_live_idx ON models (kind) WHERE live;
CREATE INDEX models_job_idx ON models (job_id);

CREATE TABLE eval_runs (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    protocol    text        NOT NULL,
    results     jsonb       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Audit log ------------------------------------------------------------------------------------
CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    actor_id    bigint      REFERENCES users (id) ON DELETE SET NULL,
    actor_name  text        NOT NULL,
    action      text        NOT NULL,
    target      text,
    details     jsonb       NOT NULL DEFAULT '{}',
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id);
