package dev.tunesmith.platform.http;

import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/**
 * Input normalisation at the edge, for every route at once: the request path and query must be
 * strictly percent-encoded UTF-8, and no text (path, query parameter, JSON string or key) may hold a
 * NUL or an unpaired surrogate. Anything else is answered 400 naming the field, before any feature
 * (or PostgreSQL, which cannot store either) sees it.
 */
public final class InputGuard {

    /** Where the parsed JSON body is kept so {@link Responses#body} does not parse twice. */
    static final String PARSED_BODY = "tunesmith.parsedBody";

    private InputGuard() {}

    /** Root router: checks the path and every query parameter. */
    public static void uri(RoutingContext ctx) {
        String path = ctx.request().path();
        if (path != null) {
            String decoded = TextCheck.percentDecode(path, false);
            if (decoded == null) {
                ctx.fail(new ApiError(400, "invalid_encoding", "the path is not valid percent-encoded UTF-8", "path"));
                return;
            }
            String problem = TextCheck.problem(decoded);
            if (problem != null) {
                ctx.fail(ApiError.invalidText("path", problem));
                return;
            }
        }
        String query = ctx.request().query();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String rawKey = eq < 0 ? pair : pair.substring(0, eq);
                String key = TextCheck.percentDecode(rawKey, true);
                String value = eq < 0 ? "" : TextCheck.percentDecode(pair.substring(eq + 1), true);
                String field = key == null || TextCheck.problem(key) != null ? "query" : key;
                if (key == null || value == null) {
                    ctx.fail(new ApiError(400, "invalid_encoding", "'" + field + "' is not valid percent-encoded UTF-8", field));
                    return;
                }
                String problem = TextCheck.problem(key) != null ? "has a name that " + TextCheck.problem(key) : TextCheck.problem(value);
                if (problem != null) {
                    ctx.fail(ApiError.invalidText(field, problem));
                    return;
                }
            }
        }
        ctx.next();
    }

    /** API router, after the body handler: a body must be UTF-8, and a JSON body well-formed text throughout. */
    public static void body(RoutingContext ctx) {
        io.vertx.core.buffer.Buffer buffer = ctx.body() == null ? null : ctx.body().buffer();
        if (buffer == null || buffer.length() == 0) {
            ctx.next();
            return;
        }
        String text = TextCheck.strictUtf8(buffer.getBytes());
        if (text == null) {
            ctx.fail(new ApiError(400, "invalid_encoding", "the body is not valid UTF-8", "body"));
            return;
        }
        String type = ctx.request().getHeader("Content-Type");
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json") && !text.isBlank()) {
            Object parsed;
            try {
                parsed = Json.decodeValue(text);
            } catch (RuntimeException e) {
                ctx.fail(new ApiError(400, "malformed_json", "the body is not valid JSON", "body"));
                return;
            }
            TextCheck.Problem problem = TextCheck.firstProblem(parsed, "");
            if (problem != null) {
                ctx.fail(ApiError.invalidText(problem.field(), problem.reason()));
                return;
            }
            ctx.put(PARSED_BODY, parsed);
        }
        ctx.next();
    }
}
