package dev.tunesmith.playlist;

import dev.tunesmith.recommend.service.RecommenderService;

import dev.tunesmith.auth.AuthHandler;
import dev.tunesmith.platform.http.ApiError;
import dev.tunesmith.platform.http.Responses;
import dev.tunesmith.platform.http.RouteModule;
import dev.tunesmith.recommend.Range;
import dev.tunesmith.recommend.constraint.ListVerifier;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code GET /api/me/recommendations}, {@code GET /api/playlists/{id}} and its export. */
public final class PlaylistRoutes implements RouteModule {

    private static final Set<String> FORMATS = Set.of("m3u", "xspf", "jspf");

    private final PlaylistService playlists;
    private final PlaylistStore store;
    private final RecommenderService recommender;
    private final PlaylistExporter.Locations locations;

    public PlaylistRoutes(PlaylistService playlists, PlaylistStore store, RecommenderService recommender) {
        this(playlists, store, recommender, PlaylistExporter.Locations.NONE);
    }

    /** With {@code locations}: exports point at scanned files ({@code ?target=local}) or signed stream URLs (default). */
    public PlaylistRoutes(PlaylistService playlists, PlaylistStore store, RecommenderService recommender, PlaylistExporter.Locations locations) {
        this.playlists = playlists;
        this.store = store;
        this.recommender = recommender;
        this.locations = locations;
    }

    @Override
    public void mount(Router api) {
        api.get("/me/recommendations").handler(this::recommendations);
        api.get("/tracks/:id/similar").handler(this::similar);
        api.get("/playlists/:id").handler(this::one);
        api.get("/playlists/:id/export").handler(this::export);
    }

    private void recommendations(RoutingContext ctx) {
        int k = Responses.intParam(ctx, "k", 20, 1, 100);
        String mood = ctx.request().getParam("mood");
        if (mood != null && mood.length() > 500) {
            throw ApiError.badRequest("'mood' must be at most 500 characters");
        }
        Integer minDuration = seconds(ctx, "minDuration");
        Integer maxDuration = seconds(ctx, "maxDuration");
        if (minDuration != null && maxDuration != null && minDuration > maxDuration) {
            throw new ApiError(400, "invalid_request", "'minDuration' (" + minDuration + " s) must not exceed 'maxDuration' ("
                    + maxDuration + " s)", "minDuration");
        }
        Integer minYear = year(ctx, "minYear");
        Integer maxYear = year(ctx, "maxYear");
        if (minYear != null && maxYear != null && minYear > maxYear) {
            throw new ApiError(400, "invalid_request", "'minYear' (" + minYear + ") must not exceed 'maxYear' (" + maxYear + ")", "minYear");
        }
        if (!recommender.ready()) {
            throw ApiError.unavailable("recommender_starting", "the recommender is still starting; try again in a few seconds");
        }
        Range duration = minDuration == null && maxDuration == null ? null
                : new Range(minDuration == null ? 0 : minDuration, maxDuration == null ? MAX_DURATION_SEC : maxDuration);
        Range years = minYear == null && maxYear == null ? null
                : new Range(minYear == null ? ListVerifier.YEAR_MIN : minYear, maxYear == null ? ListVerifier.YEAR_MAX : maxYear);
        Responses.reply(ctx, 200, playlists.recommendations(AuthHandler.principal(ctx).userId(), k, mood, duration, years)
                .map(PlaylistJson::toJson));
    }

    /** Longest track length a query may name, in seconds (a day). */
    static final int MAX_DURATION_SEC = 24 * 3600;

    /**
     * A track length in whole seconds from {@code name} (or its alias {@code nameSec}), null when absent; a 400
     * naming the parameter when it is not a whole number from 0 to a day.
     */
    private static Integer seconds(RoutingContext ctx, String name) {
        String used = name;
        String value = ctx.request().getParam(name);
        if (value == null) {
            used = name + "Sec";
            value = ctx.request().getParam(used);
        }
        if (value == null) {
            return null;
        }
        try {
            int v = Integer.parseInt(value.trim());
            if (v < 0 || v > MAX_DURATION_SEC) {
                throw new ApiError(400, "invalid_request", "'" + used + "' must be a track length in seconds from 0 to " + MAX_DURATION_SEC,
                        used);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ApiError(400, "invalid_request", "'" + used + "' must be a whole number of seconds (e.g. 240 for 4 minutes)", used);
        }
    }

    /** A release year from {@code name}, null when absent; a 400 naming the parameter when it is not a year of 1000–3000. */
    private static Integer year(RoutingContext ctx, String name) {
        String value = ctx.request().getParam(name);
        if (value == null) {
            return null;
        }
        try {
            int v = Integer.parseInt(value.trim());
            if (v < ListVerifier.YEAR_MIN || v > ListVerifier.YEAR_MAX) {
                throw new ApiError(400, "invalid_request", "'" + name + "' must be a year such as 1999", name);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ApiError(400, "invalid_request", "'" + name + "' must be a year such as 1999", name);
        }
    }

    private void similar(RoutingContext ctx) {
        long id = Responses.idParam(ctx, "id");
        int k = Responses.intParam(ctx, "k", 8, 1, 50);
        if (!recommender.ready()) {
            throw ApiError.unavailable("recommender_starting", "the recommender is still starting; try again in a few seconds");
        }
        Responses.reply(ctx, 200, playlists.similarTo(id, k).map(PlaylistJson::toJson));
    }

    private void one(RoutingContext ctx) {
        long id = Responses.idParam(ctx, "id");
        Responses.reply(ctx, 200, store.find(id, AuthHandler.principal(ctx).userId())
                .compose(found -> store.view(found.orElseThrow(() -> ApiError.notFound("playlist")))).map(PlaylistJson::toJson));
    }

    private void export(RoutingContext ctx) {
        long id = Responses.idParam(ctx, "id");
        String format = ctx.request().getParam("format", "m3u").toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(format)) {
            throw ApiError.invalid("invalid_format", "format must be one of m3u, xspf, jspf");
        }
        String target = ctx.request().getParam("target", "stream").toLowerCase(Locale.ROOT);
        if (!target.equals("stream") && !target.equals("local")) {
            throw ApiError.invalid("invalid_target", "target must be stream (signed stream URLs) or local (file paths on this machine)");
        }
        long userId = AuthHandler.principal(ctx).userId();
        String base = ctx.request().scheme() + "://" + ctx.request().authority();
        store.find(id, userId)
                .compose(found -> store.view(found.orElseThrow(() -> ApiError.notFound("playlist"))))
                .compose(view -> {
                    List<Long> ids = view.items().stream().map(e -> e.track().id()).toList();
                    var json = PlaylistJson.toJson(view);
                    return locations.of(ids, userId, base, target.equals("local")).map(l -> PlaylistExporter.export(json, format, l)
                            ).map(e -> java.util.Map.entry(json, e));
                })
                .onSuccess(pair -> {
                    var json = pair.getKey();
                    PlaylistExporter.Export e = pair.getValue();
                    String name = json.getString("title").replaceAll("[^A-Za-z0-9 _.-]", "").trim().replace(' ', '-');
                    ctx.response().putHeader("Content-Type", e.contentType())
                            .putHeader("Content-Disposition", "attachment; filename=\"" + (name.isEmpty() ? "playlist" : name) + "." + e.extension() + "\"")
                            .end(e.body());
                })
                .onFailure(ctx::fail);
    }
}
