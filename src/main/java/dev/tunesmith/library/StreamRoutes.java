package dev.tunesmith.library;

import dev.tunesmith.auth.AuthHandler;
import dev.tunesmith.auth.Principal;
import dev.tunesmith.platform.http.ApiError;
import dev.tunesmith.platform.http.Responses;
import dev.tunesmith.platform.http.RouteModule;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Playing scanned tracks.
 * <ul>
 *   <li>{@code GET /api/tracks/{id}/stream}: the file itself with HTTP ranges (206, {@code Accept-Ranges},
 *       {@code Content-Range}, 416), or MP3 transcoded by ffmpeg when browsers cannot play the format
 *       (or on {@code ?format=mp3}; {@code ?t=SECONDS} starts a transcode there). Authorised by a bearer
 *       header or a signed URL ({@code u}, {@code exp}, {@code sig}); 401 otherwise.
 *   <li>{@code GET /api/tracks/{id}/stream-url} (authenticated): a signed URL for {@code <audio>}.
 *   <li>{@code GET /api/tracks/{id}/cover}: the embedded or folder cover picture (public, like the catalogue).
 *   <li>{@code GET /api/tracks/{id}/file} (authenticated): the file's tags, format and measured analysis.
 * </ul>
 */
public final class StreamRoutes {

    private final Vertx vertx;
    private final LibraryRepository repo;
    private final AuthHandler auth;
    private final StreamSigner signer;
    private final String ffmpeg;
    private final Duration urlTtl;
    private final Semaphore transcodes = new Semaphore(4);

    public StreamRoutes(Vertx vertx, LibraryRepository repo, AuthHandler auth, StreamSigner signer, String ffmpeg, Duration urlTtl) {
        this.vertx = vertx;
        this.repo = repo;
        this.auth = auth;
        this.signer = signer;
        this.ffmpeg = ffmpeg;
        this.urlTtl = urlTtl;
    }

    /** Routes that authorise themselves (mount before the bearer gate). */
    public RouteModule open() {
        return api -> {
            api.get("/tracks/:id/stream").handler(this::stream);
            api.head("/tracks/:id/stream").handler(this::stream);
            api.get("/tracks/:id/cover").handler(this::cover);
        };
    }

    /** Routes behind the bearer gate. */
    public void mount(Router api) {
        api.get("/tracks/:id/stream-url").handler(ctx -> {
            long id = Responses.idParam(ctx, "id");
            Principal p = AuthHandler.principal(ctx);
            Responses.reply(ctx, 200, repo.playable(id).map(found -> {
                found.orElseThrow(() -> ApiError.notFound("playable file of track " + id));
                StreamSigner.Signed s = signer.sign(id, p.userId(), urlTtl);
                return new JsonObject().put("url", s.path()).put("expiresAt", Instant.ofEpochSecond(s.expiresEpochSecond()).toString());
            }));
        });
        api.get("/tracks/:id/file").handler(ctx -> {
            long id = Responses.idParam(ctx, "id");
            Responses.reply(ctx, 200, repo.details(id).map(d -> d.orElseThrow(() -> ApiError.notFound("library file of track " + id))));
        });
    }

    private Future<Long> authorise(RoutingContext ctx, long trackId) {
        String header = ctx.request().getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.authenticate(header.substring(7).trim()).map(Principal::userId);
        }
        String sig = ctx.request().getParam("sig");
        if (sig != null) {
            try {
                long user = Long.parseLong(ctx.request().getParam("u", ""));
                long exp = Long.parseLong(ctx.request().getParam("exp", ""));
                if (signer.verify(trackId, user, exp, sig)) {
                    return Future.succeededFuture(user);
                }
            } catch (NumberFormatException ignored) {
                // falls through to 401
            }
            return Future.failedFuture(ApiError.unauthorized("the stream URL is invalid or has expired"));
        }
        return Future.failedFuture(ApiError.unauthorized("a bearer token or a signed stream URL is required"));
    }

    private void stream(RoutingContext ctx) {
        long id = Responses.idParam(ctx, "id");
        authorise(ctx, id).compose(user -> repo.playable(id)).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            Optional<LibraryRepository.Playable> found = ar.result();
            if (found.isEmpty()) {
                ctx.fail(ApiError.notFound("playable file of track " + id));
                return;
            }
            Path file = Path.of(found.get().path());
            String ext = TagReader.ext(file);
            String wanted = ctx.request().getParam("format");
            if ("mp3".equals(wanted) && !"mp3".equals(ext) || wanted == null && !AudioFormats.browserPlays(ext)) {
                transcode(ctx, file);
            } else if (wanted != null && !"mp3".equals(wanted) && !wanted.equals(ext)) {
                ctx.fail(ApiError.badRequest("format must be mp3 (or the file's own " + ext + ")"));
            } else {
                sendFile(ctx, file, found.get().mime() == null ? AudioFormats.mime(ext) : found.get().mime());
            }
        });
    }

    private void sendFile(RoutingContext ctx, Path file, String mime) {
        vertx.executeBlocking(() -> Files.size(file), false).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ApiError.notFound("the file is no longer there"));
                return;
            }
            long size = ar.result();
            HttpServerResponse res = ctx.response().putHeader("Accept-Ranges", "bytes").putHeader("Content-Type", mime)
                    .putHeader("Content-Encoding", "identity") // never gzip audio: ranges address the file bytes
                    .putHeader("Cache-Control", "private, max-age=3600");
            Optional<ByteRange> range;
            try {
                range = ByteRange.parse(ctx.request().getHeader("Range"), size);
            } catch (ByteRange.Unsatisfiable e) {
                res.setStatusCode(416).putHeader("Content-Range", "bytes */" + size).end();
                return;
            }
            if (ctx.request().method().name().equals("HEAD")) {
                res.putHeader("Content-Length", String.valueOf(range.map(ByteRange::length).orElse(size)));
                range.ifPresent(r -> res.setStatusCode(206).putHeader("Content-Range", "bytes " + r.start() + "-" + r.end() + "/" + size));
                res.end();
                return;
            }
            if (range.isPresent()) {
                ByteRange r = range.get();
                res.setStatusCode(206).putHeader("Content-Range", "bytes " + r.start() + "-" + r.end() + "/" + size);
                res.sendFile(file.toString(), r.start(), r.length());
            } else {
                res.sendFile(file.toString());
            }
        });
    }

    /** MP3 through ffmpeg, chunked, at most four at once; the process dies with the connection. */
    private void transcode(RoutingContext ctx, Path file) {
        if (!transcodes.tryAcquire()) {
            ctx.fail(ApiError.unavailable("transcoder_busy", "too many transcoded streams at once; try again shortly"));
            return;
        }
        double start = 0;
        try {
            start = Math.max(0, Double.parseDouble(ctx.request().getParam("t", "0")));
        } catch (NumberFormatException ignored) {
            // from the beginning
        }
        List<String> cmd = new ArrayList<>(List.of(ffmpeg, "-nostdin", "-hide_banner", "-v", "error"));
        if (start > 0) {
            cmd.addAll(List.of("-ss", String.valueOf(start)));
        }
        cmd.addAll(List.of("-i", file.toString(), "-vn", "-map_metadata", "-1", "-c:a", "libmp3lame", "-b:a", "192k", "-f", "mp3", "pipe:1"));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            transcodes.release();
            ctx.fail(ApiError.unavailable("transcoder_unavailable", "ffmpeg could not be started: " + e.getMessage()));
            return;
        }
        HttpServerResponse res = ctx.response().setChunked(true).putHeader("Content-Type", "audio/mpeg").putHeader("Accept-Ranges", "none")
                .putHeader("Content-Encoding", "identity")
                .putHeader("Cache-Control", "no-store");
        AtomicBoolean closed = new AtomicBoolean();
        res.closeHandler(v -> {
            closed.set(true);
            p.destroyForcibly();
        });
        if (ctx.request().method().name().equals("HEAD")) {
            p.destroyForcibly();
            transcodes.release();
            res.end();
            return;
        }
        Context context = vertx.getOrCreateContext();
        Thread.ofVirtual().name("transcode").start(() -> {
            try (InputStream in = p.getInputStream()) {
                byte[] buf = new byte[64 * 1024];
                int r;
                while (!closed.get() && (r = in.read(buf)) > 0) {
                    Buffer chunk = Buffer.buffer(Arrays.copyOf(buf, r));
                    CompletableFuture<Void> written = new CompletableFuture<>();
                    context.runOnContext(v -> {
                        if (closed.get()) {
                            written.complete(null);
                            return;
                        }
                        res.write(chunk);
                        if (res.writeQueueFull()) {
                            res.drainHandler(x -> written.complete(null));
                        } else {
                            written.complete(null);
                        }
                    });
                    written.get(120, TimeUnit.SECONDS); // a reader that stops for two minutes ends the stream
                }
            } catch (Exception ignored) {
                // client went away or ffmpeg failed: end what was sent
            } finally {
                p.destroyForcibly();
                transcodes.release();
                context.runOnContext(v -> {
                    if (!closed.get() && !res.ended()) {
                        res.end();
                    }
                });
            }
        });
    }

    private void cover(RoutingContext ctx) {
        long id = Responses.idParam(ctx, "id");
        repo.cover(id).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else if (ar.result().isEmpty()) {
                ctx.fail(ApiError.notFound("cover of track " + id));
            } else {
                Object[] c = ar.result().get();
                ctx.response().putHeader("Content-Type", (String) c[1]).putHeader("Cache-Control", "public, max-age=86400").end((Buffer) c[0]);
            }
        });
    }
}
