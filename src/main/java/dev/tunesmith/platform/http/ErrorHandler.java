package dev.tunesmith.platform.http;

import dev.tunesmith.platform.db.DbErrors;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's failure handler: every failure becomes the contract's JSON error envelope.
 * Unexpected exceptions are logged with a request id and answered 500 without any detail.
 */
public final class ErrorHandler implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

    @Override
    public void handle(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        Throwable failure = ctx.failure();
        if (failure instanceof ApiError e) {
            Responses.error(ctx, e.status(), e.code(), e.getMessage());
            return;
        }
        if (failure != null && DbErrors.isUnavailable(failure)) {
            LOG.warn("db unavailable method={} path={} cause={}", ctx.request().method(), ctx.request().path(),
                    failure.toString());
            ctx.response().putHeader("Retry-After", "5");
            Responses.error(ctx, 503, "db_unavailable", "the database is unavailable; try again shortly");
            return;
        }
        int status = failure instanceof HttpException h ? h.getStatusCode() : ctx.statusCode();
        switch (status) {
            case 400 -> Responses.error(ctx, 400, "invalid_request", "the request is malformed");
            case 401 -> Responses.error(ctx, 401, "unauthorized", "a valid bearer token is required");
            case 403 -> Responses.error(ctx, 403, "forbidden", "you are not allowed to do this");
            case 404 -> Responses.error(ctx, 404, "not_found", "no such resource");
            case 405 -> Responses.error(ctx, 405, "method_not_allowed", "method not allowed on this path");
            case 413 -> Responses.error(ctx, 413, "payload_too_large", "the request body is too large");
            case 415 -> Responses.error(ctx, 415, "unsupported_media_type", "send application/json");
            default -> {
                if (status >= 400 && status < 500) {
                    Responses.error(ctx, status, "invalid_request", "the request was rejected");
                } else {
                    String requestId = Long.toHexString(System.nanoTime());
                    LOG.error("unhandled failure id={} method={} path={}", requestId, ctx.request().method(),
                            ctx.request().path(), failure);
                    Responses.error(ctx, 500, "internal_error", "something went wrong (ref " + requestId + ")");
                }
            }
        }
    }
}
