package dev.tunesmith.platform.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Set;

/**
 * What of {@code webroot/} may be served: an allow-list. A path is decoded strictly once; it may not
 * hold an encoded slash, backslash or dot ({@code %2f}, {@code %5c}, {@code %2e}), a dot segment or a
 * hidden segment; its file type must be one the app ships (html, js, css, images, fonts, audio); and it
 * may not lie in the front end's build areas (npm packages, tests, scripts, manifests). Everything else
 * is 404 before the static handler sees it, so a decoding difference cannot open a way around the list.
 */
public final class StaticGuard implements RouteModule {

    private static final Set<String> TYPES = Set.of("html", "js", "mjs", "css", "map", "svg", "png", "jpg", "jpeg", "gif", "webp",
            "ico", "woff", "woff2", "ttf", "otf", "webmanifest", "txt", "mp3", "ogg", "wav", "flac", "m4a", "mid", "midi", "sf2");
    private static final Set<String> DENIED_DIRS = Set.of("node_modules", "tests", "test", "scripts", "src", "target");
    private static final Set<String> DENIED_FILES = Set.of("package.json", "package-lock.json", "npm-shrinkwrap.json");

    /** The outcome for a request path: serve the file, fall back to the SPA's index, or refuse. */
    public enum Verdict { FILE, SPA, DENY }

    @Override
    public void mount(Router root) {
        // the allow-list itself is applied by HttpVerticle in front of the static handler (see verdict)
    }

    /** Lets allowed files through to the static handler, answers client-side routes with the SPA, refuses the rest. */
    static void handle(RoutingContext ctx, Runnable spa) {
        switch (verdict(ctx.request().path())) {
            case FILE -> ctx.next();
            case SPA -> spa.run();
            case DENY -> ctx.fail(404);
        }
    }

    /** Decides for a raw (still percent-encoded) request path. */
    public static Verdict verdict(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/") || rawPath.indexOf('\\') >= 0) {
            return Verdict.DENY;
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%2e") || lower.contains("%00")) {
            return Verdict.DENY;
        }
        String path = TextCheck.percentDecode(rawPath, false);
        if (path == null || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0 || path.contains("//")) {
            return Verdict.DENY;
        }
        if (path.equals("/")) {
            return Verdict.FILE;
        }
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.isEmpty() && i == segments.length - 1) {
                continue; // trailing slash
            }
            if (s.isEmpty() || s.startsWith(".") || DENIED_DIRS.contains(s.toLowerCase(Locale.ROOT))) {
                return Verdict.DENY;
            }
        }
        String last = segments[segments.length - 1];
        if (DENIED_FILES.contains(last.toLowerCase(Locale.ROOT)) || last.toLowerCase(Locale.ROOT).matches(".*\\.(test|spec)\\.m?js")) {
            return Verdict.DENY;
        }
        int dot = last.lastIndexOf('.');
        if (dot < 0) {
            return Verdict.SPA; // a client-side route such as /admin/users
        }
        return TYPES.contains(last.substring(dot + 1).toLowerCase(Locale.ROOT)) ? Verdict.FILE : Verdict.DENY;
    }
}
