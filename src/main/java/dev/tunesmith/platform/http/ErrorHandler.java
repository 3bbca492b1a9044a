package dev.tunesmith.platform.http;

import dev.tunesmith.platform.db.DbErrors;
import io.vertx.core.Handler;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one error mapper: the routers' failure handler and error handler for every status (so the
 * framework's own 404/405/413/... answers go through it too), rendering the contract's
 * {@code {"error":{"code","message"}}}. Unexpected exceptions are logged with a request id and
 * answered 500 without any detail; a database that cannot be reached is 503 {@code db_unavailable}.
 */
public final class ErrorHandler implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

    /** The statuses the routers hand to this mapper when no route answers them. */
    public static final int[] STATUSES = {400, 401, 403, 404, 405, 406, 408, 409, 411, 412, 413, 414, 415, 416, 417, 421, 422,
            426, 428, 429, 431, 500, 501, 502, 503, 504, 505};

    @Override
    public void handle(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        if (ctx.response().headWritten()) {
            ctx.response().reset(); // a streamed answer already started: the status cannot change any more
            return;
        }
        Throwable failure = ctx.failure();
        if (failure instanceof ApiError e) {
            e.headers().forEach(ctx.response()::putHeader);
            Responses.error(ctx, e.status(), e.code(), e.getMessage(), e.field());
            return;
        }
        if (failure != null && DbErrors.isUnavailable(failure)) {
            LOG.warn("db unavailable method={} path={} cause={}", ctx.request().method(), ctx.request().path(), failure.toString());
            ctx.response().putHeader("Retry-After", "5");
            Responses.error(ctx, 503, "db_unavailable", "the database is unavailable; try again shortly");
            return;
        }
        if (failure instanceof DecodeException) {
            Responses.error(ctx, 400, "malformed_json", "the body is not valid JSON");
            return;
        }
        int status = failure instanceof HttpException h ? h.getStatusCode() : ctx.statusCode();
        switch (status) {
            case 400 -> Responses.error(ctx, 400, "invalid_request", "the request is malformed");
            case 401 -> Responses.error(ctx, 401, "unauthorized", "a valid bearer token is required");
            case 403 -> Responses.error(ctx, 403, "forbidden", "you are not allowed to do this");
            case 404 -> Responses.error(ctx, 404, "not_found", "no such resource");
            case 405 -> Responses.error(ctx, 405, "method_not_allowed", "method " + ctx.request().method() + " is not allowed on this path");
            case 406 -> Responses.error(ctx, 406, "not_acceptable", "this resource is only available as application/json");
            case 408 -> Responses.error(ctx, 408, "request_timeout", "the request took too long to arrive");
            case 413 -> Responses.error(ctx, 413, "payload_too_large", "the request body is too large");
            case 414 -> Responses.error(ctx, 414, "uri_too_long", "the request URI is too long");
            case 415 -> Responses.error(ctx, 415, "unsupported_media_type", "send application/json");
            case 416 -> Responses.error(ctx, 416, "range_not_satisfiable", "the requested range is not satisfiable");
            case 429 -> Responses.error(ctx, 429, "rate_limited", "too many requests; slow down");
            case 431 -> Responses.error(ctx, 431, "headers_too_large", "the request headers are too large");
            case 501 -> Responses.error(ctx, 501, "not_implemented", "this method is not supported");
            case 503 -> Responses.error(ctx, 503, "unavailable", "the service is unavailable; try again shortly");
            default -> {
                if (status >= 400 && status < 500) {
                    Responses.error(ctx, status, "invalid_request", "the request was rejected");
                } else {
                    String requestId = Long.toHexString(System.nanoTime());
                    LOG.error("unhandled failure id={} method={} path={}", requestId, ctx.request().method(), ctx.request().path(), failure);
                    Responses.error(ctx, 500, "internal_error", "something went wrong (ref " + requestId + ")");
                }
            }
        }
    }
}
