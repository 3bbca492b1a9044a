package dev.tunesmith.library;

import dev.tunesmith.auth.AuthHandler;
import dev.tunesmith.auth.Role;
import dev.tunesmith.platform.http.ApiError;
import dev.tunesmith.platform.http.Responses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.nio.file.Path;

/**
 * {@code /api/admin/libraries} (admin role): list the libraries, add one (which scans it as a job)
 * and rescan one. Scans run as {@code library-scan} jobs, so their progress and log show in the
 * dashboard's job list like any other job.
 */
public final class LibraryRoutes {

    /** Starts a {@code library-scan} job with the given parameters; completes with the job id. */
    @FunctionalInterface
    public interface ScanJobs {
        Future<Long> start(JsonObject params, long createdBy);
    }

    private final LibraryRepository repo;
    private final ScanJobs jobs;

    public LibraryRoutes(LibraryRepository repo, ScanJobs jobs) {
        this.repo = repo;
        this.jobs = jobs;
    }

    public void mount(Router api) {
        api.get("/admin/libraries").handler(AuthHandler.require(Role.ADMIN))
                .handler(ctx -> Responses.reply(ctx, 200, repo.list().map(a -> new JsonObject().put("items", a))));
        api.post("/admin/libraries").handler(AuthHandler.require(Role.ADMIN)).handler(ctx -> {
            JsonObject body = Responses.body(ctx);
            Object path = body.getValue("path");
            if (!(path instanceof String p) || p.isBlank() || !Path.of(p).isAbsolute()) {
                throw ApiError.badRequest("'path' must be an absolute folder path on the server");
            }
            Object licence = body.getValue("licence");
            if (licence != null && !(licence instanceof String)) {
                throw ApiError.badRequest("'licence' must be a string");
            }
            JsonObject params = new JsonObject().put("path", Path.of(p).normalize().toString());
            if (licence != null) {
                params.put("licence", licence);
            }
            Responses.reply(ctx, 202, jobs.start(params, AuthHandler.principal(ctx).userId()).map(id -> new JsonObject().put("jobId", id)));
        });
        api.post("/admin/libraries/:id/rescan").handler(AuthHandler.require(Role.ADMIN)).handler(ctx -> {
            long id = Responses.idParam(ctx, "id");
            Responses.reply(ctx, 202, repo.library(id).compose(l -> {
                l.orElseThrow(() -> ApiError.notFound("library " + id));
                return jobs.start(new JsonObject().put("libraryId", id), AuthHandler.principal(ctx).userId());
            }).map(job -> new JsonObject().put("jobId", job)));
        });
    }
}
