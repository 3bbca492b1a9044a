package dev.tunesmith.library;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds the licence of a folder installed by a Debian package: {@code dpkg-query -S} names the
 * package, whose {@code /usr/share/doc/PKG/copyright} is read: the {@code License:} of the
 * {@code Files: *} stanza in machine-readable files, else the GNU licence its text names.
 * Empty when the folder belongs to no package or the text names no licence it recognises.
 */
public final class LicenceResolver {

    private LicenceResolver() {}

    public static Optional<String> forFolder(Path folder) {
        try {
            Process p = new ProcessBuilder("dpkg-query", "-S", folder.toAbsolutePath().normalize().toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return Optional.empty();
            }
            String pkg = out.lines().findFirst().map(l -> l.split(":")[0].split(",")[0].trim()).orElse("");
            if (pkg.isEmpty()) {
                return Optional.empty();
            }
            Path copyright = Path.of("/usr/share/doc", pkg, "copyright");
            if (!Files.isRegularFile(copyright)) {
                return Optional.empty();
            }
            return fromCopyright(Files.readString(copyright, StandardCharsets.UTF_8)).map(l -> l + " (Debian package " + pkg + ")");
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The licence a Debian copyright file states for its files as a whole. */
    static Optional<String> fromCopyright(String text) {
        if (text.startsWith("Format:")) {
            boolean all = false;
            for (String line : text.split("\n")) {
                if (line.startsWith("Files:")) {
                    all = line.substring(6).trim().equals("*");
                } else if (all && line.startsWith("License:")) {
                    String l = line.substring(8).trim();
                    if (!l.isEmpty()) {
                        return Optional.of(l);
                    }
                }
            }
        }
        String flat = text.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        for (String[] gnu : new String[][] {{"gnu general public license", "GPL"}, {"gnu lesser general public license", "LGPL"},
            {"gnu library general public license", "LGPL"}}) {
            int at = flat.indexOf(gnu[0]);
            if (at < 0) {
                continue;
            }
            String near = flat.substring(at, Math.min(flat.length(), at + 400));
            String version = near.contains("version 3") ? "3" : near.contains("version 2") ? "2" : "";
            boolean later = near.contains("any later version") || near.contains("or later");
            return Optional.of(gnu[1] + (version.isEmpty() ? "" : "-" + version) + (later ? "+" : ""));
        }
        for (String cc : new String[] {"cc-by-sa", "cc-by", "cc0"}) {
            if (flat.contains(cc)) {
                return Optional.of(cc.toUpperCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }
}
