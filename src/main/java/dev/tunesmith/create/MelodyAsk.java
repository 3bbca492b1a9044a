package dev.tunesmith.create;

/**
 * A melody as a person asks for it; nulls take the defaults of {@link CreationService}.
 *
 * @param key a key such as D, Em (null: from the mood, minor for a sad one, else D)
 * @param meter a time signature such as 4/4
 * @param bars 4–64
 * @param mood a mood or tempo hint, in the asker's words
 * @param withChords whether the tune comes with its chords ("a chord progression for a sad song")
 */
public record MelodyAsk(String key, String meter, Integer bars, String mood, boolean withChords) {

    /** Without chords. */
    public MelodyAsk(String key, String meter, Integer bars, String mood) {
        this(key, meter, bars, mood, false);
    }
}
