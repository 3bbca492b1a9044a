package dev.tunesmith.create;

import java.util.Locale;
import java.util.Set;

/**
 * An edit of the newest melody, as a creator asks for it in the conversation.
 *
 * @param action transpose | meter | tempo | length | vary | harmonize
 * @param key the target key, for transpose (e.g. {@code Am}, {@code G})
 * @param meter the new meter, for meter
 * @param tempo beats per minute, for tempo
 * @param bars the new number of bars, for length (null with {@code direction})
 * @param direction "shorter" or "longer", for length without a number
 * @param fromBar first bar (1-based), for vary
 * @param toBar last bar (inclusive), for vary
 */
public record MelodyEdit(String action, String key, String meter, Integer tempo, Integer bars, String direction, Integer fromBar,
        Integer toBar) {

    public static final Set<String> ACTIONS = Set.of("transpose", "meter", "tempo", "length", "vary", "harmonize");

    public MelodyEdit {
        action = action == null ? null : action.strip().toLowerCase(Locale.ROOT);
        if (action == null || !ACTIONS.contains(action)) {
            throw new CreationException("the edit must be one of transpose, meter, tempo, length, vary, harmonize");
        }
    }
}
