-- Issue 11: the mood model reads every Spotify-style audio feature. Loudness (dB), mode (1 major, 0 minor)
-- and speechiness were not stored; imported feature files carry them. Additive: existing rows keep NULL.
ALTER TABLE tracks
    ADD COLUMN loudness    real CHECK (loudness IS NULL OR loudness BETWEEN -80 AND 10),
    ADD COLUMN mode        smallint CHECK (mode IS NULL OR mode IN (0, 1)),
    ADD COLUMN speechiness real CHECK (speechiness IS NULL OR speechiness BETWEEN 0 AND 1);
