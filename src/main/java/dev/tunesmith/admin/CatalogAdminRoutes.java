package dev.tunesmith.admin;

import dev.tunesmith.auth.AuthHandler;
import dev.tunesmith.auth.Principal;
import dev.tunesmith.catalog.CatalogImportService;
import dev.tunesmith.catalog.TrackRepository;
import dev.tunesmith.jobs.JobService;
import dev.tunesmith.platform.bus.Addresses;
import dev.tunesmith.platform.http.ApiError;
import dev.tunesmith.platform.http.Responses;
import dev.tunesmith.platform.http.RouteModule;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The catalogue: {@code POST /api/admin/import} (an import from a path on the server, run as an
 * {@code import} job) and {@code PATCH /api/admin/tracks/{id}} (hide, retitle, retag through
 * {@link TrackRepository#edit}, committed with its audit entry). Both announce
 * {@link Addresses#CATALOG_CHANGED} so the recommender reloads.
 */
public final class CatalogAdminRoutes implements RouteModule {

    private final Vertx vertx;
    private final TrackRepository tracks;
    private final AuditLog audit;
    private final JobService jobs;
    private final CatalogImportService imports;

    public CatalogAdminRoutes(Vertx vertx, TrackRepository tracks, AuditLog audit, JobService jobs, CatalogImportService imports) {
        this.vertx = vertx;
        this.tracks = tracks;
        this.audit = audit;
        this.jobs = jobs;
        this.imports = imports;
        jobs.register("import", this::runImport);
    }

    @Override
    public void mount(Router api) {
        api.post("/admin/import").handler(this::startImport);
        api.patch("/admin/tracks/:id").handler(this::updateTrack);
    }

    private void startImport(RoutingContext ctx) {
        JsonObject body = Responses.body(ctx);
        CatalogImportService.Kind kind = CatalogImportService.Kind.parse(String.valueOf(body.getValue("kind", "")));
        Object rawPath = body.getValue("path");
        if (!(rawPath instanceof String path) || path.isBlank()) {
            throw ApiError.invalid("invalid_path", "'path' must name a file or folder on the server");
        }
        Principal admin = AuthHandler.principal(ctx);
        Responses.reply(ctx, 202, jobs.start("import", body.copy().put("kind", kind.name().toLowerCase(Locale.ROOT)).put("path", path),
                admin.userId(), this::runImport).map(id -> new JsonObject().put("jobId", id)));
    }

    /** An import job's work, from its parameters only (any node of a cluster may run it). */
    private Future<JsonObject> runImport(JobService.Job job) {
        JsonObject p = job.params();
        return imports.run(CatalogImportService.Kind.parse(p.getString("kind")), Path.of(p.getString("path")), job::progress).compose(report -> {
            job.log(report.toString());
            vertx.eventBus().publish(Addresses.CATALOG_CHANGED, new JsonObject().put("jobId", job.id()));
            return ImportUploadRoutes.honest(report); // every row rejected: the job failed
        }).onComplete(done -> {
            if (p.getBoolean("deleteAfter", false)) { // an uploaded file: its temporary copy goes once imported
                vertx.fileSystem().delete(p.getString("path"));
            }
        });
    }

    private void updateTrack(RoutingContext ctx) {
        long id = Responses.idParam(ctx, "id");
        JsonObject body = Responses.body(ctx);
        Boolean hidden = body.getValue("hidden") instanceof Boolean b ? b : null;
        String title = body.getValue("title") instanceof String s && !s.isBlank() ? s.trim() : null;
        List<String> tags = null;
        if (body.getValue("tags") instanceof JsonArray a) {
            List<String> list = new ArrayList<>();
            a.forEach(o -> list.add(String.valueOf(o).trim().toLowerCase()));
            tags = list.stream().filter(s -> !s.isEmpty()).distinct().toList();
        }
        if (hidden == null && title == null && tags == null) {
            throw ApiError.badRequest("send 'hidden', 'title' and/or 'tags'");
        }
        if (title != null && title.length() > 300) {
            throw ApiError.badRequest("'title' is limited to 300 characters");
        }
        Responses.reply(ctx, 200, audit.commit(AuthHandler.principal(ctx), "track.update", "track:" + id, tracks.edit(id, hidden, title, tags),
                        t -> body)
                .map(edited -> {
                    TrackRepository.Edited t = edited.orElseThrow(() -> ApiError.notFound("track"));
                    return new JsonObject().put("id", t.id()).put("title", t.title()).put("hidden", t.hidden()).put("tags", new JsonArray(t.tags()));
                })
                .onSuccess(v -> vertx.eventBus().publish(Addresses.CATALOG_CHANGED, new JsonObject().put("trackId", id))));
    }
}
