/**
 * Creation assist: melodies, harmonies and lyrics without HTTP or a database.
 *
 * <ul>
 *   <li>{@link dev.tunesmith.music.MelodyService} — generates ABC tunes with a small DJL LSTM
 *       ({@code melody}), grammar-constrained so that every tune has exactly the requested number
 *       of complete bars, then adds chords with the HMM {@code harmony.Harmonizer};
 *   <li>{@link dev.tunesmith.music.LyricsService} — checks lyrics against CMUdict
 *       ({@code lyrics.LyricsChecker}) and writes them with a pluggable
 *       {@link dev.tunesmith.music.LyricsGenerator} (built in: a word-level DJL LSTM with rhyme and
 *       syllable constraints);
 *   <li>{@link dev.tunesmith.cli.GenerateCli} — {@code train-melody}, {@code train-lyrics},
 *       {@code train-harmony} and {@code bench}.
 * </ul>
 *
 * Subpackages: {@code abc} (parser, serializer, keys, transposition), {@code lm} (the shared token
 * language model, trainer, sampling, predictor pool), {@code melody}, {@code harmony},
 * {@code lyrics}, {@code bench}. Shipped models live under {@code models/melody/} and
 * {@code models/lyrics/} on the classpath; the pronunciation dictionary under {@code lyrics/}.
 * Inference and training run on {@code Device.gpu()} when DJL reports a GPU, else on the CPU; all
 * DJL work blocks, so callers run it on worker threads.
 */
package dev.tunesmith.music;
