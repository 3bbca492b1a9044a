package dev.tunesmith.admin;

import dev.tunesmith.auth.AuthHandler;
import dev.tunesmith.jobs.JobService;
import dev.tunesmith.platform.http.ApiError;
import dev.tunesmith.platform.http.Responses;
import dev.tunesmith.platform.http.RouteModule;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.function.Function;

/** Background jobs: {@code GET /api/admin/jobs}, {@code POST /api/admin/jobs} (start one by kind), {@code GET /api/admin/jobs/{id}}. */
public final class JobsAdminRoutes implements RouteModule {

    /** The jobs an admin can start, by kind. */
    public record JobKinds(Map<String, Function<JobService.Job, Future<JsonObject>>> kinds) {}

    private final JobService jobs;
    private final JobKinds jobKinds;

    public JobsAdminRoutes(JobService jobs, JobKinds jobKinds) {
        this.jobs = jobs;
        this.jobKinds = jobKinds;
    }

    @Override
    public void mount(Router api) {
        api.get("/admin/jobs").handler(ctx -> Responses.reply(ctx, 200, jobs.list(Responses.intParam(ctx, "limit", 50, 1, 500))
                .map(a -> new JsonObject().put("items", a))));
        api.post("/admin/jobs").handler(this::start);
        api.get("/admin/jobs/:id").handler(ctx -> Responses.reply(ctx, 200, jobs.get(Responses.idParam(ctx, "id"))
                .map(j -> {
                    if (j == null) {
                        throw ApiError.notFound("job");
                    }
                    return j;
                })));
    }

    private void start(RoutingContext ctx) {
        JsonObject body = Responses.body(ctx);
        String kind = String.valueOf(body.getValue("kind", ""));
        var work = jobKinds.kinds().get(kind);
        if (work == null) {
            throw ApiError.invalid("invalid_kind", "job kind must be one of " + String.join(", ", jobKinds.kinds().keySet().stream().sorted().toList()));
        }
        Responses.reply(ctx, 202, jobs.start(kind, body, AuthHandler.principal(ctx).userId(), work).map(id -> new JsonObject().put("jobId", id)));
    }
}
