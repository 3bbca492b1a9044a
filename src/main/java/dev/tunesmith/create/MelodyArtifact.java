package dev.tunesmith.create;

/**
 * A melody stored as an artifact of its creator ({@link CreationJson#toJson(MelodyArtifact)} is the wire shape).
 * Key, meter, bars and tempo are those of its ABC.
 *
 * @param tempo BPM from the ABC's {@code Q:} field, or null when the melody was not read back for it
 * @param edit what an edit did, or null
 */
public record MelodyArtifact(long id, String abc, String key, String meter, int bars, Integer tempo, String edit) {}
