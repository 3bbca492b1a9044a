package dev.tunesmith.admin;

import dev.tunesmith.auth.AuthHandler;
import dev.tunesmith.auth.Principal;
import dev.tunesmith.auth.Role;
import dev.tunesmith.catalog.CatalogImportService;
import dev.tunesmith.catalog.importer.ImportReport;
import dev.tunesmith.jobs.JobService;
import dev.tunesmith.platform.http.ApiError;
import dev.tunesmith.platform.http.Responses;
import dev.tunesmith.platform.http.RouteModule;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code POST /api/admin/import/upload?kind=features|demo&name=file.csv}: an import from a file the
 * admin uploads from the browser. The body (the raw file, any content type) is streamed to a temporary
 * file with back-pressure, never held in memory, and refused past {@code maxBytes} (413); the import
 * then runs as a job like {@code POST /api/admin/import}, and the temporary file is deleted after it.
 *
 * <p>Mounted on the root router, ahead of the {@code /api} router whose body handler buffers (1 MiB):
 * it authenticates itself with the same {@link AuthHandler}.
 */
public final class ImportUploadRoutes implements RouteModule {

    /** Kinds whose importer reads one file; freemusi.cc and Last.fm need a folder (use the server path). */
    private static final Map<String, String> SUFFIX = Map.of("features", ".csv", "demo", ".csv.gz");

    private final Vertx vertx;
    private final AuthHandler auth;
    private final JobService jobs;
    private final CatalogImportService imports;
    private final AuditLog audit;
    private final long maxBytes;

    public ImportUploadRoutes(Vertx vertx, AuthHandler auth, JobService jobs, CatalogImportService imports, AuditLog audit, long maxBytes) {
        this.vertx = vertx;
        this.auth = auth;
        this.jobs = jobs;
        this.imports = imports;
        this.audit = audit;
        this.maxBytes = maxBytes;
    }

    @Override
    public void mount(Router root) {
        root.post("/api/admin/import/upload").handler(this::upload);
    }

    private void upload(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        req.pause(); // nothing may be read before we know who is sending and where it goes
        String header = req.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.fail(ApiError.unauthorized("a bearer token is required"));
            return;
        }
        auth.authenticate(header.substring(7).trim()).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            Principal admin = ar.result();
            try {
                if (!admin.has(Role.ADMIN)) {
                    throw ApiError.forbidden("this needs the 'admin' role");
                }
                String kind = String.valueOf(req.getParam("kind", "")).trim().toLowerCase(Locale.ROOT);
                String suffix = SUFFIX.get(kind);
                if (suffix == null) {
                    throw ApiError.invalid("invalid_kind", "upload kind must be 'features' (a CSV) or 'demo' (a .csv.gz in the demo "
                            + "catalogue's format); freemusicc and lastfm are folders: import them by server path");
                }
                String name = String.valueOf(req.getParam("name", "upload" + suffix)).replaceAll("[^A-Za-z0-9 _.()-]", "_");
                String length = req.getHeader("Content-Length");
                if (length != null && parseLong(length) > maxBytes) {
                    throw new ApiError(413, "payload_too_large", "the file is larger than the upload limit of " + maxBytes / (1024 * 1024) + " MiB");
                }
                receive(ctx, admin, CatalogImportService.Kind.parse(kind), name, suffix);
            } catch (ApiError e) {
                ctx.fail(e);
            }
        });
    }

    private void receive(RoutingContext ctx, Principal admin, CatalogImportService.Kind kind, String name, String suffix) {
        HttpServerRequest req = ctx.request();
        vertx.fileSystem().createTempFile("tunesmith-upload-", suffix).compose(path -> vertx.fileSystem()
                .open(path, new OpenOptions().setWrite(true).setTruncateExisting(true)).map(file -> Map.entry(path, file)))
                .onFailure(ctx::fail)
                .onSuccess(entry -> {
                    String path = entry.getKey();
                    AsyncFile file = entry.getValue();
                    AtomicLong bytes = new AtomicLong();
                    AtomicBoolean refused = new AtomicBoolean();
                    req.handler(buf -> {
                        if (refused.get()) {
                            return;
                        }
                        if (bytes.addAndGet(buf.length()) > maxBytes) {
                            refused.set(true);
                            file.close().onComplete(v -> vertx.fileSystem().delete(path));
                            ctx.fail(new ApiError(413, "payload_too_large", "the file is larger than the upload limit of "
                                    + maxBytes / (1024 * 1024) + " MiB"));
                            return;
                        }
                        file.write(buf);
                        if (file.writeQueueFull()) {
                            req.pause();
                            file.drainHandler(v -> req.resume());
                        }
                    });
                    req.exceptionHandler(e -> {
                        refused.set(true);
                        file.close().onComplete(v -> vertx.fileSystem().delete(path));
                    });
                    req.endHandler(v -> {
                        if (refused.get()) {
                            return;
                        }
                        file.close().compose(c -> start(admin, kind, name, path, bytes.get()))
                                .onSuccess(id -> Responses.json(ctx, 202, new JsonObject().put("jobId", id).put("bytes", bytes.get())))
                                .onFailure(e -> {
                                    vertx.fileSystem().delete(path);
                                    ctx.fail(e);
                                });
                    });
                    req.resume();
                });
    }

    private Future<Long> start(Principal admin, CatalogImportService.Kind kind, String name, String path, long bytes) {
        // the job runs from its parameters (the "import" kind's one handler, on whichever node takes it): the temporary
        // copy's path travels with them and is deleted after the import
        JsonObject params = new JsonObject().put("kind", kind.name().toLowerCase(Locale.ROOT)).put("upload", name).put("bytes", bytes)
                .put("path", path).put("deleteAfter", true);
        return audit.record(admin, "catalog.import_upload", name, params).compose(v -> jobs.start("import", params, admin.userId(), null));
    }

    /** An import that read rows but wrote none failed, whatever the importer says. */
    static Future<JsonObject> honest(ImportReport report) {
        if (report.rowsRead() > 0 && report.rowsWritten() == 0) {
            String first = report.rejected().isEmpty() ? "" : "; first: line " + report.rejected().get(0).line() + ": "
                    + report.rejected().get(0).reason();
            return Future.failedFuture(new ApiError(422, "all_rows_rejected",
                    "every row was rejected (" + report.rejectedCount() + " of " + report.rowsRead() + ")" + first));
        }
        return Future.succeededFuture(report.toJson());
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
