package dev.tunesmith.library;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.images.Artwork;

/**
 * Reads tags with jaudiotagger (MP3, FLAC, OGG Vorbis, M4A, WAV, AIFF, WMA, DSF) and falls back to
 * {@code ffprobe -show_format -show_streams} for what it cannot read (Opus, Matroska, broken
 * headers). Cover art: the tag's first picture, else {@code cover|folder|front.jpg|png} beside
 * the file. A file neither can read is an {@link UnreadableException} with both reasons.
 */
public final class TagReader {

    /** Neither reader could make sense of the file. */
    public static final class UnreadableException extends IOException {
        public UnreadableException(String message) {
            super(message);
        }
    }

    private static final int MAX_COVER = 2 << 20;
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Map<String, FieldKey> EXTRA = new LinkedHashMap<>();

    /** Held so the JUL logger (and its level) is not garbage collected: jaudiotagger logs every chunk at INFO. */
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("org.jaudiotagger");

    static {
        QUIET.setLevel(Level.OFF);
        EXTRA.put("albumArtist", FieldKey.ALBUM_ARTIST);
        EXTRA.put("track", FieldKey.TRACK);
        EXTRA.put("disc", FieldKey.DISC_NO);
        EXTRA.put("bpmTag", FieldKey.BPM);
        EXTRA.put("isrc", FieldKey.ISRC);
        EXTRA.put("musicbrainzTrackId", FieldKey.MUSICBRAINZ_TRACK_ID);
        EXTRA.put("musicbrainzReleaseId", FieldKey.MUSICBRAINZ_RELEASEID);
        EXTRA.put("musicbrainzArtistId", FieldKey.MUSICBRAINZ_ARTISTID);
        EXTRA.put("musicbrainzReleaseGroupId", FieldKey.MUSICBRAINZ_RELEASE_GROUP_ID);
        EXTRA.put("mood", FieldKey.MOOD);
        EXTRA.put("mood_acoustic", FieldKey.MOOD_ACOUSTIC);
        EXTRA.put("mood_aggressive", FieldKey.MOOD_AGGRESSIVE);
        EXTRA.put("mood_electronic", FieldKey.MOOD_ELECTRONIC);
        EXTRA.put("mood_happy", FieldKey.MOOD_HAPPY);
        EXTRA.put("mood_party", FieldKey.MOOD_PARTY);
        EXTRA.put("mood_relaxed", FieldKey.MOOD_RELAXED);
        EXTRA.put("mood_sad", FieldKey.MOOD_SAD);
        EXTRA.put("mood_instrumental", FieldKey.MOOD_INSTRUMENTAL);
        EXTRA.put("mood_danceability", FieldKey.MOOD_DANCEABILITY);
        EXTRA.put("mood_valence", FieldKey.MOOD_VALENCE);
        EXTRA.put("mood_arousal", FieldKey.MOOD_AROUSAL);
    }

    /** ffprobe's tag names (lower case) for the same fields. */
    private static final Map<String, List<String>> PROBE_EXTRA = Map.ofEntries(
            Map.entry("albumArtist", List.of("album_artist", "albumartist")),
            Map.entry("track", List.of("track", "tracknumber")),
            Map.entry("disc", List.of("disc", "discnumber")),
            Map.entry("bpmTag", List.of("bpm", "tbpm")),
            Map.entry("isrc", List.of("isrc", "tsrc")),
            Map.entry("musicbrainzTrackId", List.of("musicbrainz_trackid", "musicbrainz track id")),
            Map.entry("musicbrainzReleaseId", List.of("musicbrainz_albumid", "musicbrainz album id")),
            Map.entry("musicbrainzArtistId", List.of("musicbrainz_artistid", "musicbrainz artist id")),
            Map.entry("musicbrainzReleaseGroupId", List.of("musicbrainz_releasegroupid", "musicbrainz release group id")),
            Map.entry("mood", List.of("mood")));

    private final String ffprobe;

    public TagReader(String ffprobe) {
        this.ffprobe = ffprobe;
    }

    public TrackTags read(Path file) throws UnreadableException {
        String first;
        try {
            return withCoverFallback(file, jaudiotagger(file));
        } catch (Exception | LinkageError e) {
            first = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        try {
            return withCoverFallback(file, ffprobe(file));
        } catch (UnreadableException e) {
            throw new UnreadableException("unreadable: " + e.getMessage() + " (jaudiotagger: " + shorten(first) + ")");
        }
    }

    private static String shorten(String s) {
        String line = s.lines().findFirst().orElse(s);
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }

    private TrackTags jaudiotagger(Path file) throws Exception {
        AudioFile f = AudioFileIO.read(file.toFile());
        Tag tag = f.getTag();
        Double duration = f.getAudioHeader() == null ? null : f.getAudioHeader().getPreciseTrackLength();
        String format = f.getAudioHeader() == null ? ext(file) : f.getAudioHeader().getFormat();
        Map<String, String> extra = new LinkedHashMap<>();
        String title = null, artist = null, album = null, genre = null, licence = null;
        Integer year = null;
        byte[] cover = null;
        String coverMime = null;
        if (tag != null) {
            title = field(tag, FieldKey.TITLE);
            artist = field(tag, FieldKey.ARTIST);
            album = field(tag, FieldKey.ALBUM);
            genre = field(tag, FieldKey.GENRE);
            year = year(field(tag, FieldKey.YEAR));
            for (var e : EXTRA.entrySet()) {
                String v = field(tag, e.getValue());
                if (v != null) {
                    extra.put(e.getKey(), v);
                }
            }
            licence = firstNonBlank(raw(tag, "LICENSE"), raw(tag, "LICENCE"), raw(tag, "WCOP"), raw(tag, "COPYRIGHT"), raw(tag, "TCOP"));
            try {
                Artwork art = tag.getFirstArtwork();
                if (art != null && art.getBinaryData() != null && art.getBinaryData().length <= MAX_COVER) {
                    cover = art.getBinaryData();
                    coverMime = art.getMimeType() == null || art.getMimeType().isBlank() ? "image/jpeg" : art.getMimeType();
                }
            } catch (RuntimeException ignored) {
                // a broken picture frame is not a broken file
            }
        }
        if (duration == null || duration <= 0) {
            throw new IOException("no audio header");
        }
        return new TrackTags(title, artist, album, genre, year, duration, format.toLowerCase(Locale.ROOT), licence, extra, cover, coverMime,
                "jaudiotagger");
    }

    private static String field(Tag tag, FieldKey key) {
        try {
            String v = tag.getFirst(key);
            return v == null || v.isBlank() ? null : v.trim();
        } catch (RuntimeException e) {
            return null; // a field this format does not support
        }
    }

    private static String raw(Tag tag, String id) {
        try {
            String v = tag.getFirst(id);
            return v == null || v.isBlank() ? null : v.trim();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private TrackTags ffprobe(Path file) throws UnreadableException {
        JsonObject json = probe(file);
        JsonObject format = json.getJsonObject("format", new JsonObject());
        JsonArray streams = json.getJsonArray("streams", new JsonArray());
        JsonObject audio = null;
        for (Object s : streams) {
            if (s instanceof JsonObject o && "audio".equals(o.getString("codec_type"))) {
                audio = o;
                break;
            }
        }
        if (audio == null) {
            throw new UnreadableException("ffprobe found no audio stream");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        lower(format.getJsonObject("tags"), tags);
        lower(audio.getJsonObject("tags"), tags); // Opus/Vorbis keep their comments on the stream
        Double duration = number(format.getString("duration"));
        if (duration == null) {
            duration = number(audio.getString("duration"));
        }
        if (duration == null || duration <= 0) {
            throw new UnreadableException("ffprobe reports no duration");
        }
        Map<String, String> extra = new LinkedHashMap<>();
        PROBE_EXTRA.forEach((name, keys) -> keys.stream().map(tags::get).filter(v -> v != null && !v.isBlank()).findFirst()
                .ifPresent(v -> extra.put(name, v.trim())));
        tags.forEach((k, v) -> {
            if (k.startsWith("mood_") && !v.isBlank()) {
                extra.put(k, v.trim());
            }
        });
        String codec = audio.getString("codec_name", format.getString("format_name", ext(file)));
        return new TrackTags(tags.get("title"), tags.get("artist"), tags.get("album"), tags.get("genre"),
                year(firstNonBlank(tags.get("date"), tags.get("year"))), duration, codec,
                firstNonBlank(tags.get("license"), tags.get("licence"), tags.get("copyright")), extra, null, null, "ffprobe");
    }

    /** {@code ffprobe -print_format json -show_format -show_streams FILE}, bounded to 30 s. */
    JsonObject probe(Path file) throws UnreadableException {
        try {
            Process p = new ProcessBuilder(ffprobe, "-v", "error", "-print_format", "json", "-show_format", "-show_streams", file.toString())
                    .start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread e = Thread.ofVirtual().start(() -> copy(p.getErrorStream(), err));
            copy(p.getInputStream(), out);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new UnreadableException("ffprobe timed out");
            }
            e.join(1000);
            if (p.exitValue() != 0) {
                String reason = err.toString(StandardCharsets.UTF_8).trim().lines().reduce((a, b) -> b).orElse("exit " + p.exitValue());
                throw new UnreadableException("ffprobe: " + reason);
            }
            return new JsonObject(out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            if (e instanceof UnreadableException u) {
                throw u;
            }
            throw new UnreadableException("ffprobe could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreadableException("interrupted");
        } catch (RuntimeException e) {
            throw new UnreadableException("ffprobe output unreadable: " + e.getMessage());
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            byte[] buf = new byte[8192];
            int r;
            while ((r = in.read(buf)) >= 0) {
                if (out.size() < (4 << 20)) {
                    out.write(buf, 0, r);
                }
            }
        } catch (IOException ignored) {
            // process ended
        }
    }

    private static void lower(JsonObject tags, Map<String, String> into) {
        if (tags != null) {
            tags.forEach(e -> into.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), String.valueOf(e.getValue())));
        }
    }

    private static TrackTags withCoverFallback(Path file, TrackTags t) {
        if (t.cover() != null) {
            return t;
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null) {
            return t;
        }
        for (String name : List.of("cover.jpg", "folder.jpg", "front.jpg", "cover.png", "folder.png", "front.png")) {
            Path c = dir.resolve(name);
            try {
                if (Files.isRegularFile(c) && Files.size(c) <= MAX_COVER) {
                    return new TrackTags(t.title(), t.artist(), t.album(), t.genre(), t.year(), t.durationSec(), t.format(), t.licence(),
                            t.extra(), Files.readAllBytes(c), name.endsWith(".png") ? "image/png" : "image/jpeg", t.reader());
                }
            } catch (IOException ignored) {
                // no readable cover beside it
            }
        }
        return t;
    }

    private static Integer year(String s) {
        if (s == null) {
            return null;
        }
        Matcher m = YEAR.matcher(s);
        return m.find() ? Integer.parseInt(m.group(1)) : null;
    }

    private static Double number(String s) {
        try {
            return s == null ? null : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    static String ext(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
