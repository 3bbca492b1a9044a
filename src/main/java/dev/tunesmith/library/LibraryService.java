package dev.tunesmith.library;

import dev.tunesmith.config.AppConfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Library scans as background work: one scan at a time on a thread of its own (the scanner itself
 * fans out to {@code library.workers} threads), reporting progress and log lines to its caller
 * (the admin job). With no path it rescans every known library and the configured default folders.
 */
public final class LibraryService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LibraryService.class);

    private final LibraryRepository repo;
    private final AppConfig.Library config;
    private final LibraryScanner scanner;
    private final AudioDecoder decoder;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("library-job").daemon().factory());

    public LibraryService(LibraryRepository repo, AppConfig.Library config) {
        this.repo = repo;
        this.config = config;
        this.decoder = new AudioDecoder(config.ffmpeg());
        this.scanner = new LibraryScanner(repo, new TagReader(config.ffprobe()), decoder, config.workers(), config.maxAnalysisSeconds(),
                config.decodeTimeout());
    }

    public LibraryRepository repository() {
        return repo;
    }

    /** The configured default folders that exist on this machine. */
    public List<Path> defaultFolders() {
        return config.defaultPaths().stream().filter(Files::isDirectory).toList();
    }

    /**
     * Scans {@code params.path} (with an optional {@code licence}), or library {@code params.libraryId},
     * or, with neither, every known library plus the default folders. Completes with the reports.
     */
    public Future<JsonObject> scan(JsonObject params, DoubleConsumer progress, Consumer<String> log) {
        Promise<JsonObject> done = Promise.promise();
        Future<List<Map.Entry<Path, String>>> targets;
        if (params.getString("path") != null) {
            targets = Future.succeededFuture(List.of(Map.entry(Path.of(params.getString("path")), params.getString("licence", ""))));
        } else if (params.getValue("libraryId") != null) {
            targets = repo.library(params.getLong("libraryId")).map(l -> List.of(Map.entry(Path.of(
                    l.orElseThrow(() -> new IllegalArgumentException("no library " + params.getValue("libraryId"))).path()), "")));
        } else {
            targets = repo.list().map(all -> {
                Map<Path, String> m = new LinkedHashMap<>();
                for (Object o : all) {
                    m.put(Path.of(((JsonObject) o).getString("path")), "");
                }
                defaultFolders().forEach(p -> m.putIfAbsent(p.toAbsolutePath().normalize(), ""));
                return new ArrayList<>(m.entrySet());
            });
        }
        targets.onFailure(done::fail).onSuccess(list -> executor.submit(() -> {
            try {
                if (!decoder.available()) {
                    throw new IllegalStateException("ffmpeg not found (" + config.ffmpeg() + "): install it or set TUNESMITH_FFMPEG");
                }
                JsonArray reports = new JsonArray();
                for (int i = 0; i < list.size(); i++) {
                    int index = i;
                    Path folder = list.get(i).getKey();
                    if (!Files.isDirectory(folder)) {
                        log.accept("skipped " + folder + ": not a folder");
                        reports.add(new JsonObject().put("path", folder.toString()).put("error", "not a folder"));
                        continue;
                    }
                    ScanReport r = scanner.scan(folder, list.get(i).getValue(), LibraryScanner.Progress.of(
                            f -> progress.accept((index + f) / list.size()), log));
                    log.accept(r.toString());
                    LOG.info("{}", r.toString().lines().findFirst().orElse(""));
                    reports.add(r.toJson());
                }
                done.complete(new JsonObject().put("libraries", reports));
            } catch (Exception e) {
                done.fail(e);
            }
        }));
        return done.future();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
