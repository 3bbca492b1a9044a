-- Your own music: scanned libraries, their files and the measured audio analysis of each track.
-- A scanned file is a track with source 'library' and external_id = its absolute path.

CREATE TABLE libraries (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    path          text        NOT NULL UNIQUE,
    name          text        NOT NULL,
    licence       text,                     -- applies to files whose tags name none
    created_at    timestamptz NOT NULL DEFAULT now(),
    scanned_at    timestamptz,
    last_report   jsonb
);

CREATE TABLE library_files (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    library_id    bigint      NOT NULL REFERENCES libraries (id) ON DELETE CASCADE,
    path          text        NOT NULL UNIQUE,
    size_bytes    bigint      NOT NULL CHECK (size_bytes >= 0),
    mtime_ms      bigint      NOT NULL,
    state         text        NOT NULL CHECK (state IN ('ok', 'failed', 'missing')),
    error         text,                     -- why a failed file failed
    track_id      bigint      REFERENCES tracks (id) ON DELETE SET NULL,
    format        text,                     -- container/codec as read (mp3, ogg, opus, flac, ...)
    mime          text,
    tags          jsonb       NOT NULL DEFAULT '{}',   -- album artist, track/disc, ISRC, MusicBrainz ids, moods, BPM tag
    cover         bytea,
    cover_mime    text,
    scanned_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (state <> 'ok' OR track_id IS NOT NULL)
);
CREATE INDEX library_files_library_idx ON library_files (library_id);
CREATE INDEX library_files_track_idx   ON library_files (track_id);

CREATE TABLE track_analysis (
    track_id          bigint      PRIMARY KEY REFERENCES tracks (id) ON DELETE CASCADE,
    analyser_version  text        NOT NULL,
    features          jsonb       NOT NULL,
    embedding         real[]      NOT NULL,
    analysed_at       timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE tracks ADD COLUMN music_key text;   -- "A minor", "F# major" (measured)
ALTER TABLE tracks ADD COLUMN loudness  real;   -- integrated LUFS (measured)
