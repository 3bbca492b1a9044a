-- Issue 11: the mood model reads every Spotify-style audio feature. Mode (1 major, 0 minor) and speechiness were
-- not stored; imported feature files carry them. Loudness (dB: integrated LUFS when measured, Spotify's loudness when
-- imported) came with V20. Additive: existing rows keep NULL.
ALTER TABLE tracks
    ADD COLUMN mode        smallint CHECK (mode IS NULL OR mode IN (0, 1)),
    ADD COLUMN speechiness real CHECK (speechiness IS NULL OR speechiness BETWEEN 0 AND 1);
