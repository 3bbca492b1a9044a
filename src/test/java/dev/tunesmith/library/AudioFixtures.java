package dev.tunesmith.library;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Small generated audio fixtures; a test that needs a missing tool is skipped with a message. */
final class AudioFixtures {

    private AudioFixtures() {}

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    static void require(String... tools) {
        for (String t : tools) {
            assumeTrue(onPath(t), "skipped: " + t + " is not installed (apt-get install ffmpeg sox abcmidi fluidsynth fluid-soundfont-gm)");
        }
    }

    static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
    }

    /** A sox click track at {@code bpm}, {@code seconds} long, as WAV (then re-encoded by ffmpeg when {@code file} is not .wav). */
    static Path clicks(Path file, double bpm, int seconds) throws Exception {
        Path wav = file.toString().endsWith(".wav") ? file : file.resolveSibling(file.getFileName() + ".tmp.wav");
        double period = 60 / bpm;
        run("sox", "-n", "-r", "44100", "-c", "1", wav.toString(), "synth", "0.015", "sine", "1200", "vol", "0.7", "pad", "0",
                String.format(Locale.ROOT, "%.6f", period - 0.015), "repeat", String.valueOf((int) Math.round(seconds / period) - 1));
        if (wav != file) {
            run("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", wav.toString(), file.toString());
            Files.delete(wav);
        }
        return file;
    }

    /** A short tune in E minor at 100 BPM (quarter notes), rendered by abc2midi and fluidsynth, encoded by ffmpeg. */
    static Path tune(Path file) throws Exception {
        require("abc2midi", "fluidsynth", "ffmpeg");
        Path sf2 = List.of("/usr/share/sounds/sf2/FluidR3_GM.sf2", "/usr/share/sounds/sf2/TimGM6mb.sf2").stream().map(Path::of)
                .filter(Files::isRegularFile).findFirst().orElse(null);
        assumeTrue(sf2 != null, "skipped: no General MIDI soundfont (apt-get install fluid-soundfont-gm)");
        Path dir = file.getParent();
        Path abc = dir.resolve("tune.abc");
        Files.writeString(abc, """
                X:1
                T:Test tune
                M:4/4
                L:1/8
                Q:1/4=100
                K:Em
                "Em"E2GB e2BG|"Am"A2cA "B7"B2AF|"Em"E2GB e2BG|"Am"c2"B7"BA "Em"E4|
                "Em"E2GB e2BG|"Am"A2cA "B7"B2AF|"Em"E2GB e2BG|"Am"c2"B7"BA "Em"E4|
                """);
        Path mid = dir.resolve("tune.mid"), wav = dir.resolve("tune.render.wav");
        run("abc2midi", abc.toString(), "-o", mid.toString());
        run("fluidsynth", "-ni", "-F", wav.toString(), "-r", "44100", sf2.toString(), mid.toString());
        run("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", wav.toString(), file.toString());
        Files.delete(wav);
        Files.delete(mid);
        Files.delete(abc);
        return file;
    }
}
