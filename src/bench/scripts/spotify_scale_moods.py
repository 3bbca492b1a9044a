"""Writes a mood-labelled audio-features CSV in the layout of the Kaggle "Spotify music moods" exports
(name, album, artist, id, ..., length in ms, the Spotify features, mood) for `./tunesmith bench mood --csv`.

The tracks are generated, not real: per mood, features are drawn around centres taken from Spotify's
published feature definitions and per-genre means (calm: quiet, acoustic, mostly instrumental, low
valence; sad: sung, low valence, moderate energy and loudness; happy: bright and danceable; energetic:
loud and high in energy), with track-level spreads wider than the genre means. Titles and artists carry
no mood words. Usage: python3 src/bench/scripts/spotify_scale_moods.py [seed [spread]] > moods.csv, where
spread (default 1) scales every track-level spread, a robustness probe: 1.3 and 1.5 make the moods
overlap more than at 1 (see the README's mood bench).
"""
import csv, random, sys
random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 42)
SPREAD = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
# per mood: means and spreads (valence, energy, dance, acoustic, instr, loud, tempo, p_major, speech), a bit off the unit test's
K = {
 "Calm": ([0.25,0.18,0.36,0.88,0.62,-20.5,100,0.65,0.045],[0.15,0.12,0.14,0.10,0.30,4.5,28,0,0.02]),
 "Sad": ([0.26,0.40,0.50,0.55,0.08,-9.5,112,0.55,0.05],[0.13,0.15,0.13,0.25,0.12,3.2,27,0,0.025]),
 "Happy": ([0.72,0.68,0.66,0.20,0.03,-6.8,120,0.75,0.07],[0.15,0.14,0.12,0.18,0.06,2.4,24,0,0.04]),
 "Energetic": ([0.45,0.86,0.58,0.06,0.10,-5.0,126,0.6,0.09],[0.18,0.09,0.14,0.07,0.2,2.0,22,0,0.05]),
}
cl = lambda v: max(0.0, min(1.0, v))
rows = []
n = {"Calm": 195, "Sad": 164, "Happy": 134, "Energetic": 193}
i = 0
for mood, (m, s) in K.items():
    for k in range(n[mood]):
        i += 1
        tid = "trk%04d" % i
        f = [m[j] + SPREAD * s[j] * random.gauss(0, 1) for j in range(9)]
        rows.append({"name": "Song %d" % i, "album": "Album %d" % (k % 40), "artist": "Artist %d" % ((i * 7919) % 240),
            "id": tid, "release_date": "2015-01-01", "popularity": random.randint(10, 80), "length": random.randint(150000, 330000),
            "danceability": round(cl(f[2]), 3), "acousticness": round(cl(f[3]), 4), "energy": round(cl(f[1]), 3),
            "instrumentalness": round(cl(f[4]), 4), "liveness": round(random.uniform(0.05, 0.3), 3), "valence": round(cl(f[0]), 3),
            "loudness": round(min(0, f[5]), 2), "speechiness": round(cl(f[8]), 4), "tempo": round(max(50, f[6]), 2),
            "key": random.randint(0, 11), "time_signature": 4, "mood": mood})
random.shuffle(rows)
w = csv.DictWriter(sys.stdout, fieldnames=list(rows[0].keys()), lineterminator="\n")
w.writeheader()
w.writerows(rows)
