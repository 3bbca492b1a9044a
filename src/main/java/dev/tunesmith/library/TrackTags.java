package dev.tunesmith.library;

import java.util.Map;

/**
 * The tags of one audio file, as {@link TagReader} read them. Every field but {@code extra} may be
 * null. {@code extra} holds the rest under stable names: {@code albumArtist}, {@code track},
 * {@code disc}, {@code bpmTag}, {@code isrc}, {@code musicbrainzTrackId}, {@code musicbrainzReleaseId},
 * {@code musicbrainzArtistId}, {@code musicbrainzReleaseGroupId}, {@code mood} and Picard's
 * {@code mood_*} fields.
 */
public record TrackTags(String title, String artist, String album, String genre, Integer year, Double durationSec,
        String format, String licence, Map<String, String> extra, byte[] cover, String coverMime, String reader) {}
