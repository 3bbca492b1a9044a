package dev.tunesmith.library;

import dev.tunesmith.recommend.audio.AudioAnalyser;
import dev.tunesmith.recommend.audio.AudioAnalysis;
import io.vertx.core.Future;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.stream.Stream;

/**
 * Scans one folder into the catalogue. Blocking: run it on a thread of its own (the CLI's main
 * thread, or {@link LibraryService}'s executor), never on an event loop.
 *
 * <p>Incremental: a known file whose size and modification time are unchanged, whose last scan
 * succeeded and whose analysis has the current {@link AudioAnalyser#VERSION} is left alone; every
 * other audio file is read (tags), decoded (ffmpeg, streamed) and analysed, then written in one
 * transaction. A file that fails at any step is recorded with its reason and its old track hidden;
 * files that disappeared are marked missing and their tracks hidden.
 */
public final class LibraryScanner {

    /** How a scan reports as it goes. */
    public interface Progress {
        void fraction(double done);

        void line(String text);

        static Progress of(DoubleConsumer fraction, Consumer<String> line) {
            return new Progress() {
                @Override
                public void fraction(double done) {
                    fraction.accept(done);
                }

                @Override
                public void line(String text) {
                    line.accept(text);
                }
            };
        }
    }

    private static final Duration DB_TIMEOUT = Duration.ofSeconds(60);

    private final LibraryRepository repo;
    private final TagReader tags;
    private final AudioDecoder decoder;
    private final int workers;
    private final double maxSeconds;
    private final Duration decodeTimeout;

    public LibraryScanner(LibraryRepository repo, TagReader tags, AudioDecoder decoder, int workers, double maxSeconds, Duration decodeTimeout) {
        this.repo = repo;
        this.tags = tags;
        this.decoder = decoder;
        this.workers = Math.max(1, workers);
        this.maxSeconds = maxSeconds;
        this.decodeTimeout = decodeTimeout;
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(DB_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (Exception e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException(c.getMessage() == null ? c.toString() : c.getMessage(), c);
        }
    }

    /** Scans {@code folder} (created as a library when new). Fails only when the folder cannot be listed. */
    public ScanReport scan(Path folder, String licence, Progress progress) throws IOException {
        long started = System.nanoTime();
        Path root = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IOException("not a folder: " + root);
        }
        String effectiveLicence = licence != null && !licence.isBlank() ? licence.trim() : LicenceResolver.forFolder(root).orElse(null);
        LibraryRepository.Library library = await(repo.upsertLibrary(root.toString(), root.getFileName() == null ? root.toString()
                : root.getFileName().toString(), effectiveLicence));
        List<Path> found;
        try (Stream<Path> walk = Files.walk(root, 32, FileVisitOption.FOLLOW_LINKS)) {
            found = walk.filter(Files::isRegularFile).filter(p -> AudioFormats.isAudio(TagReader.ext(p))).sorted().toList();
        }
        Map<String, LibraryRepository.KnownFile> known = await(repo.files(library.id()));
        progress.line("found " + found.size() + " audio files in " + root + " (" + known.size() + " known)");

        AtomicInteger added = new AtomicInteger(), updated = new AtomicInteger(), unchanged = new AtomicInteger(), done = new AtomicInteger();
        DoubleAdder audioSeconds = new DoubleAdder();
        List<ScanReport.Failure> failures = Collections.synchronizedList(new ArrayList<>());
        Set<String> seen = new HashSet<>();
        String libLicence = library.licence();
        ExecutorService pool = Executors.newFixedThreadPool(workers, Thread.ofPlatform().name("library-scan-", 0).daemon().factory());
        try {
            for (Path file : found) {
                String path = file.toString();
                seen.add(path);
                pool.submit(() -> {
                    try {
                        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
                        long size = attrs.size(), mtime = attrs.lastModifiedTime().toMillis();
                        LibraryRepository.KnownFile k = known.get(path);
                        if (k != null && k.size() == size && k.mtimeMs() == mtime && "ok".equals(k.state())
                                && AudioAnalyser.VERSION.equals(k.analyserVersion())) {
                            unchanged.incrementAndGet();
                            return;
                        }
                        try {
                            AudioAnalysis a = scanFile(library.id(), file, size, mtime, libLicence);
                            audioSeconds.add(a.seconds());
                            (k == null ? added : updated).incrementAndGet();
                        } catch (Exception e) {
                            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
                            failures.add(new ScanReport.Failure(path, reason));
                            progress.line("failed: " + path + ": " + reason);
                            try {
                                await(repo.markFailed(library.id(), path, size, mtime, reason));
                            } catch (RuntimeException dbError) {
                                progress.line("could not record the failure of " + path + ": " + dbError.getMessage());
                            }
                        }
                    } catch (IOException e) {
                        failures.add(new ScanReport.Failure(path, "cannot read the file: " + e.getMessage()));
                    } finally {
                        int n = done.incrementAndGet();
                        progress.fraction(0.02 + 0.96 * n / Math.max(1, found.size()));
                    }
                });
            }
        } finally {
            pool.shutdown();
        }
        try {
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                // progress is reported by the tasks
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IOException("scan interrupted");
        }
        List<String> gone = known.values().stream().filter(k -> !seen.contains(k.path()) && !"missing".equals(k.state()))
                .map(LibraryRepository.KnownFile::path).toList();
        int removed = await(repo.markMissing(gone));
        List<ScanReport.Failure> sorted = new ArrayList<>(failures);
        sorted.sort(java.util.Comparator.comparing(ScanReport.Failure::path));
        ScanReport report = new ScanReport(library.id(), root.toString(), found.size(), added.get(), updated.get(), unchanged.get(), removed,
                List.copyOf(sorted), (System.nanoTime() - started) / 1e9, audioSeconds.sum());
        await(repo.finishScan(library.id(), report.toJson()));
        progress.fraction(1);
        return report;
    }

    private AudioAnalysis scanFile(long libraryId, Path file, long size, long mtime, String libraryLicence) throws IOException {
        TrackTags t = tags.read(file);
        AudioAnalyser analyser = new AudioAnalyser();
        decoder.decode(file, AudioAnalyser.SAMPLE_RATE, maxSeconds, decodeTimeout, analyser::accept);
        AudioAnalysis a = analyser.finish();
        String title = t.title() != null ? t.title() : titleFromFile(file);
        String artist = t.artist() != null ? t.artist() : t.extra().getOrDefault("albumArtist", "Unknown artist");
        String licence = t.licence() != null && looksLikeLicence(t.licence()) ? t.licence() : libraryLicence != null ? libraryLicence : t.licence();
        Set<String> trackTags = new LinkedHashSet<>();
        if (t.genre() != null) {
            for (String g : t.genre().split("[;,/]")) {
                if (!g.isBlank()) {
                    trackTags.add(g.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        String mood = t.extra().get("mood");
        if (mood != null) {
            for (String m : mood.split("[;,/]")) {
                if (!m.isBlank()) {
                    trackTags.add(m.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        String ext = TagReader.ext(file);
        await(repo.save(new LibraryRepository.ScannedFile(libraryId, file.toString(), size, mtime, t, title, artist, licence,
                List.copyOf(trackTags), AudioFormats.mime(ext), a)));
        return a;
    }

    /** A copyright line ("Someone (C)2004") is not a licence; a licence name or URL is. */
    private static boolean looksLikeLicence(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return l.contains("licen") || l.contains("gpl") || l.contains("creativecommons") || l.matches(".*\\bcc[- ]?(by|0).*")
                || l.contains("public domain");
    }

    static String titleFromFile(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        String base = (dot > 0 ? n.substring(0, dot) : n).replaceAll("^\\d+[ ._-]+", "").replace('_', ' ').replace('-', ' ').trim();
        return base.isEmpty() ? n : Character.toUpperCase(base.charAt(0)) + base.substring(1);
    }
}
