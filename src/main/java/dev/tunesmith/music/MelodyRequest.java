package dev.tunesmith.music;

import dev.tunesmith.music.abc.Key;
import dev.tunesmith.music.abc.Meter;

/**
 * What melody to generate.
 *
 * @param key key such as {@code D}, {@code Em}, {@code Bb}, {@code F#m} (major or minor)
 * @param meter meter such as {@code 4/4}, {@code 6/8}, {@code 3/4}
 * @param bars number of complete bars, 1–64
 * @param moodHint free text (e.g. "calm", "lively dance"); null for no preference
 * @param tempoBpm beats per minute, 30–260, or null; also steers the mood (below 90 calm, above 120 lively)
 * @param seed random seed for reproducible output, or null for a random one
 * @param temperature sampling temperature, 0 (greedy) to 2
 * @param topP nucleus probability mass, (0, 1]
 */
public record MelodyRequest(String key, String meter, int bars, String moodHint, Double tempoBpm, Long seed, double temperature, double topP) {

    /** Checks every field; messages name the field and the accepted values. */
    public MelodyRequest {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("key is required, e.g. D, Em, Bb or F#m");
        }
        Key k = Key.parse(key);
        if (!k.mode().equals("maj") && !k.mode().equals("m")) {
            throw new IllegalArgumentException("key '" + key + "': only major and minor keys are supported");
        }
        if (meter == null || meter.isBlank()) {
            throw new IllegalArgumentException("meter is required, e.g. 4/4, 6/8 or 3/4");
        }
        Meter.parse(meter);
        if (bars < 1 || bars > 64) {
            throw new IllegalArgumentException("bars must be between 1 and 64, got " + bars);
        }
        if (tempoBpm != null && (tempoBpm.isNaN() || tempoBpm < 30 || tempoBpm > 260)) {
            throw new IllegalArgumentException("tempoBpm must be between 30 and 260, got " + tempoBpm);
        }
        if (Double.isNaN(temperature) || temperature < 0 || temperature > 2) {
            throw new IllegalArgumentException("temperature must be between 0 and 2, got " + temperature);
        }
        if (Double.isNaN(topP) || topP <= 0 || topP > 1) {
            throw new IllegalArgumentException("topP must be in (0, 1], got " + topP);
        }
        if (moodHint != null && moodHint.length() > 200) {
            throw new IllegalArgumentException("moodHint is limited to 200 characters");
        }
    }

    /** A request with default sampling (temperature 1.0, top-p 0.95), no mood, tempo or seed. */
    public static MelodyRequest of(String key, String meter, int bars) {
        return new MelodyRequest(key, meter, bars, null, null, null, 1.0, 0.95);
    }

    /** Copy with a seed. */
    public MelodyRequest withSeed(long s) {
        return new MelodyRequest(key, meter, bars, moodHint, tempoBpm, s, temperature, topP);
    }
}
