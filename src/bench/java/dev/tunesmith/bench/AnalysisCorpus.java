package dev.tunesmith.bench;

import dev.tunesmith.recommend.audio.MusicalKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The analysis benchmark's corpus with ground truth, built here from tools and data anyone can get:
 * Nottingham ABC tunes (one key, one metre, major or minor) re-written with a seeded random tempo
 * and General MIDI instrument, rendered by {@code abc2midi} and {@code fluidsynth}, and {@code sox}
 * click tracks at known tempi; each file encoded in turn as WAV, FLAC, OGG Vorbis or MP3 by ffmpeg.
 * The tempo of a tune is its beat: a quarter note in simple metres, a dotted quarter in 6/8 and 9/8.
 */
final class AnalysisCorpus {

    /** One file and what it should measure as; {@code key} is null for click tracks. */
    record Item(Path file, String kind, double bpm, MusicalKey key, double seconds) {}

    private static final Pattern KEY = Pattern.compile("^K:\\s*([A-G][b#]?)\\s*(m|min|maj|major|minor)?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final String[] FORMATS = {"wav", "flac", "ogg", "mp3"};
    private static final int[] PROGRAMS = {0, 21, 24, 40, 73, 68, 46, 11};

    private AnalysisCorpus() {}

    static List<String> missingTools() {
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("abc2midi", "fluidsynth", "sox", "ffmpeg")) {
            if (!onPath(tool)) {
                missing.add(tool);
            }
        }
        return missing;
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    static Path soundfont() {
        for (String p : List.of("/usr/share/sounds/sf2/FluidR3_GM.sf2", "/usr/share/sounds/sf2/TimGM6mb.sf2", "/usr/share/sounds/sf2/default-GM.sf2")) {
            if (Files.isRegularFile(Path.of(p))) {
                return Path.of(p);
            }
        }
        throw new IllegalStateException("no General MIDI soundfont (apt-get install fluid-soundfont-gm)");
    }

    static List<Item> build(Path abcDir, Path out, int tunes, int clicks, long seed) throws Exception {
        Files.createDirectories(out);
        Random rnd = new Random(seed);
        List<String[]> candidates = new ArrayList<>(); // {abc text, key, metre}
        try (Stream<Path> files = Files.list(abcDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".abc")).sorted().toList()) {
                for (String tune : Files.readString(f, StandardCharsets.ISO_8859_1).split("(?m)^(?=X:)")) {
                    String[] c = usable(tune);
                    if (c != null) {
                        candidates.add(c);
                    }
                }
            }
        }
        java.util.Collections.shuffle(candidates, rnd);
        Path sf2 = soundfont();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Item>> jobs = new ArrayList<>();
        for (int i = 0; i < Math.min(tunes, candidates.size()); i++) {
            String[] c = candidates.get(i);
            int bpm = 70 + rnd.nextInt(81);
            int program = PROGRAMS[rnd.nextInt(PROGRAMS.length)];
            String format = FORMATS[i % FORMATS.length];
            int index = i;
            jobs.add(pool.submit(() -> renderTune(out, index, c, bpm, program, format, sf2)));
        }
        for (int i = 0; i < clicks; i++) {
            int bpm = 60 + rnd.nextInt(121);
            String format = FORMATS[(i + 1) % FORMATS.length];
            int index = i;
            double freq = 600 + rnd.nextInt(1400);
            jobs.add(pool.submit(() -> renderClick(out, index, bpm, freq, format)));
        }
        List<Item> items = new ArrayList<>();
        for (Future<Item> f : jobs) {
            Item it = f.get(10, TimeUnit.MINUTES);
            if (it != null) {
                items.add(it);
            }
        }
        pool.shutdown();
        return items;
    }

    /** {abc, key, metre} when the tune has one key (major or minor) and one common metre, else null. */
    static String[] usable(String tune) {
        if (!tune.startsWith("X:")) {
            return null;
        }
        List<String> keys = new ArrayList<>(), metres = new ArrayList<>();
        for (String line : tune.split("\n")) {
            String l = line.trim();
            if (l.startsWith("K:")) {
                keys.add(l);
            } else if (l.startsWith("M:")) {
                metres.add(l.substring(2).trim());
            }
        }
        if (keys.size() != 1 || metres.size() != 1 || tune.contains("[K:") || tune.contains("[M:")) {
            return null;
        }
        Matcher m = KEY.matcher(keys.get(0));
        String metre = metres.get(0);
        if (!m.matches() || !List.of("4/4", "2/4", "3/4", "6/8", "9/8", "2/2", "C", "C|").contains(metre)) {
            return null;
        }
        boolean minor = m.group(2) != null && m.group(2).toLowerCase(Locale.ROOT).startsWith("m") && !m.group(2).toLowerCase(Locale.ROOT).startsWith("maj");
        return new String[] {tune, m.group(1) + (minor ? " minor" : " major"), metre};
    }

    private static Item renderTune(Path out, int i, String[] c, int bpm, int program, String format, Path sf2) throws Exception {
        String name = String.format(Locale.ROOT, "tune%03d", i);
        Path final_ = out.resolve(name + "." + format);
        boolean compound = c[2].equals("6/8") || c[2].equals("9/8");
        MusicalKey key = MusicalKey.parse(c[1]);
        if (!Files.exists(final_)) {
            StringBuilder abc = new StringBuilder();
            for (String line : c[0].split("\n")) {
                if (line.startsWith("Q:")) {
                    continue;
                }
                if (line.trim().startsWith("K:")) {
                    abc.append("Q:").append(compound ? "3/8" : "1/4").append('=').append(bpm).append('\n');
                    abc.append(line).append('\n').append("%%MIDI program ").append(program).append('\n');
                    continue;
                }
                abc.append(line).append('\n');
            }
            Path abcFile = out.resolve(name + ".abc");
            Files.writeString(abcFile, abc.toString(), StandardCharsets.ISO_8859_1);
            Path mid = out.resolve(name + ".mid");
            Path wav = out.resolve(name + ".render.wav");
            run(List.of("abc2midi", abcFile.toString(), "-o", mid.toString()));
            run(List.of("fluidsynth", "-ni", "-g", "0.7", "-F", wav.toString(), "-r", "44100", sf2.toString(), mid.toString()));
            encode(wav, final_, format);
            Files.deleteIfExists(wav);
        }
        return new Item(final_, "tune", bpm, key, seconds(final_));
    }

    private static Item renderClick(Path out, int i, int bpm, double freq, String format) throws Exception {
        Path final_ = out.resolve(String.format(Locale.ROOT, "click%03d-%dbpm.%s", i, bpm, format));
        if (!Files.exists(final_)) {
            Path wav = out.resolve(String.format(Locale.ROOT, "click%03d.render.wav", i));
            double period = 60.0 / bpm;
            int beats = (int) Math.round(30 / period);
            run(List.of("sox", "-n", "-r", "44100", "-c", "1", wav.toString(), "synth", "0.015", "sine", String.valueOf(freq), "vol", "0.7",
                    "pad", "0", String.format(Locale.ROOT, "%.6f", period - 0.015), "repeat", String.valueOf(beats - 1)));
            encode(wav, final_, format);
            Files.deleteIfExists(wav);
        }
        return new Item(final_, "click", bpm, null, seconds(final_));
    }

    private static void encode(Path wav, Path target, String format) throws Exception {
        if (format.equals("wav")) {
            Files.move(wav, target);
            return;
        }
        List<String> codec = switch (format) {
            case "flac" -> List.of("-c:a", "flac");
            case "ogg" -> List.of("-c:a", "libvorbis", "-q:a", "4");
            case "mp3" -> List.of("-c:a", "libmp3lame", "-b:a", "160k");
            default -> throw new IllegalArgumentException(format);
        };
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", wav.toString()));
        cmd.addAll(codec);
        cmd.add(target.toString());
        run(cmd);
    }

    static double seconds(Path file) throws Exception {
        String out = run(List.of("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", file.toString()));
        return Double.parseDouble(out.trim());
    }

    static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException(cmd.get(0) + " failed: " + out.lines().reduce((a, b) -> b).orElse(""));
        }
        return out;
    }
}
