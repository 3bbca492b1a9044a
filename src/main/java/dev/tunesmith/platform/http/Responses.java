package dev.tunesmith.platform.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes JSON answers and routes failed futures to the router's error handler. */
public final class Responses {

    private Responses() {}

    public static void json(RoutingContext ctx, int status, Object body) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        String text = body instanceof JsonObject o ? o.encode() : body instanceof JsonArray a ? a.encode()
                : JsonObject.mapFrom(body).encode();
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(text);
    }

    public static void error(RoutingContext ctx, int status, String code, String message) {
        error(ctx, status, code, message, null);
    }

    /** The contract's error envelope; {@code field} (optional) names the input the error is about. */
    public static void error(RoutingContext ctx, int status, String code, String message, String field) {
        json(ctx, status, envelope(code, message, field));
    }

    /** {@code {"error":{"code","message","field"?}}}. */
    public static JsonObject envelope(String code, String message, String field) {
        JsonObject error = new JsonObject().put("code", code).put("message", message);
        if (field != null) {
            error.put("field", field);
        }
        return new JsonObject().put("error", error);
    }

    /** Completes the request with {@code status} and the future's JSON, or fails the context. */
    public static <T> void reply(RoutingContext ctx, int status, Future<T> future) {
        future.onComplete(ar -> {
            if (ar.succeeded()) {
                json(ctx, status, ar.result());
            } else if (!ctx.failed() && !ctx.response().ended()) {
                ctx.fail(ar.cause());
            }
        });
    }

    /** The request body as a JSON object, or a 400 with a clear message. */
    public static JsonObject body(RoutingContext ctx) {
        Object checked = ctx.get(InputGuard.PARSED_BODY);
        if (checked instanceof JsonObject o) {
            return o;
        }
        if (checked != null) {
            throw ApiError.badRequest("the body must be a JSON object");
        }
        String text = ctx.body() == null ? null : ctx.body().asString();
        if (text == null || text.isBlank()) {
            throw ApiError.badRequest("a JSON object body is required");
        }
        try {
            Object parsed = io.vertx.core.json.Json.decodeValue(text);
            if (parsed instanceof JsonObject o) {
                return o;
            }
        } catch (RuntimeException e) {
            throw ApiError.invalid("malformed_json", "the body is not valid JSON");
        }
        throw ApiError.badRequest("the body must be a JSON object");
    }

    public static int intParam(RoutingContext ctx, String name, int fallback, int min, int max) {
        String value = ctx.request().getParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(value.trim());
            if (v < min || v > max) {
                throw ApiError.badRequest("'" + name + "' must be between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("'" + name + "' must be a whole number");
        }
    }

    public static long idParam(RoutingContext ctx, String name) {
        String value = ctx.pathParam(name);
        try {
            long id = Long.parseLong(value);
            if (id <= 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw ApiError.invalid("invalid_id", "'" + value + "' is not a valid id");
        }
    }
}
