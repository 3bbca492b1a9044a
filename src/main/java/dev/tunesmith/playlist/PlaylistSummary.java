package dev.tunesmith.playlist;

import java.util.List;

/**
 * What an answer may say about a playlist, computed from the final list: its size, the size asked for, the
 * verified facts, notes for the listener (shortfalls, requirements the list breaks) and the change just made.
 *
 * @param change what the last edit did, or null for a new list
 */
public record PlaylistSummary(int count, int asked, List<String> facts, List<String> notes, String change) {

    public PlaylistSummary {
        facts = List.copyOf(facts);
        notes = List.copyOf(notes);
    }

    /** The same list after {@code what} was done to it, with no notes of its own. */
    public PlaylistSummary changed(String what) {
        return new PlaylistSummary(count, asked, facts, List.of(), what);
    }
}
