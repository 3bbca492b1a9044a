package dev.tunesmith.library;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Which files are audio, their MIME types, and which of them every current browser plays as they are. */
public final class AudioFormats {

    private AudioFormats() {}

    private static final Map<String, String> MIME = Map.ofEntries(
            Map.entry("mp3", "audio/mpeg"), Map.entry("ogg", "audio/ogg"), Map.entry("oga", "audio/ogg"),
            Map.entry("opus", "audio/ogg; codecs=opus"), Map.entry("flac", "audio/flac"), Map.entry("wav", "audio/wav"),
            Map.entry("m4a", "audio/mp4"), Map.entry("mp4", "audio/mp4"), Map.entry("aac", "audio/aac"), Map.entry("webm", "audio/webm"),
            Map.entry("aif", "audio/aiff"), Map.entry("aiff", "audio/aiff"), Map.entry("wma", "audio/x-ms-wma"),
            Map.entry("wv", "audio/x-wavpack"), Map.entry("ape", "audio/x-ape"), Map.entry("mka", "audio/x-matroska"),
            Map.entry("mpc", "audio/x-musepack"), Map.entry("dsf", "audio/x-dsf"), Map.entry("spx", "audio/ogg"));

    /** Played natively by Chromium, Firefox and Safari (Safari's Ogg support is recent; it is transcoded on request). */
    private static final Set<String> NATIVE = Set.of("mp3", "ogg", "oga", "opus", "flac", "wav", "m4a", "mp4", "aac", "webm");

    public static boolean isAudio(String extension) {
        return MIME.containsKey(extension.toLowerCase(Locale.ROOT));
    }

    public static String mime(String extension) {
        return MIME.getOrDefault(extension.toLowerCase(Locale.ROOT), "application/octet-stream");
    }

    public static boolean browserPlays(String extension) {
        return NATIVE.contains(extension.toLowerCase(Locale.ROOT));
    }
}
