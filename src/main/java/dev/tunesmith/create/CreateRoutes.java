package dev.tunesmith.create;

import dev.tunesmith.auth.AuthHandler;
import dev.tunesmith.auth.Principal;
import dev.tunesmith.auth.Role;
import dev.tunesmith.music.abc.Key;
import dev.tunesmith.music.abc.Meter;
import dev.tunesmith.platform.http.ApiError;
import dev.tunesmith.platform.http.Responses;
import dev.tunesmith.platform.http.RouteModule;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * The Create page's structured routes, for creators and admins only (403 for listeners, enforced
 * here, not in the page): {@code POST /api/create/lyrics}, {@code /melody}, {@code /harmony}.
 * Each field is validated on its own (400 naming the field); generation runs on a worker thread.
 */
public final class CreateRoutes implements RouteModule {

    private static final Set<String> LYRICS_FIELDS = Set.of("theme", "scheme", "lines", "syllables", "conversationId");
    private static final Set<String> MELODY_FIELDS = Set.of("key", "meter", "bars", "mood", "conversationId");

    private final CreationService creation;

    public CreateRoutes(CreationService creation) {
        this.creation = creation;
    }

    @Override
    public void mount(Router api) {
        api.post("/create/lyrics").handler(AuthHandler.require(Role.CREATOR)).handler(this::lyrics);
        api.post("/create/melody").handler(AuthHandler.require(Role.CREATOR)).handler(this::melody);
        api.post("/create/harmony").handler(AuthHandler.require(Role.CREATOR)).handler(this::harmony);
        api.post("/create/melody/edit").handler(AuthHandler.require(Role.CREATOR)).handler(this::editMelody);
        api.post("/create/lyrics/edit").handler(AuthHandler.require(Role.CREATOR)).handler(this::editLyrics);
        api.post("/create/continue").handler(AuthHandler.require(Role.CREATOR)).handler(this::continueLyrics);
        api.post("/create/rewrite").handler(AuthHandler.require(Role.CREATOR)).handler(this::rewrite);
        // reviews and rhymes create nothing: any signed-in user may use them
        api.post("/create/check").handler(this::check);
        api.post("/create/rhymes").handler(this::rhymes);
    }

    private void lyrics(RoutingContext ctx) {
        JsonObject body = Responses.body(ctx);
        unknownFields(body, LYRICS_FIELDS);
        String theme = string(body, "theme", true, 200);
        String scheme = string(body, "scheme", false, 16);
        if (scheme != null && !scheme.matches("[A-Za-z]{1,16}")) {
            throw field("scheme", "'scheme' must be letters such as AABB, ABAB or ABCB");
        }
        Integer lines = integer(body, "lines", 1, 64);
        Integer syllables = integer(body, "syllables", 2, 20);
        LyricsAsk ask = new LyricsAsk(theme, scheme, lines, syllables);
        UUID conversation = conversation(body);
        blocking(ctx, () -> CreationJson.toJson(creation.lyrics(caller(ctx), conversation, ask)));
    }

    private void melody(RoutingContext ctx) {
        JsonObject body = Responses.body(ctx);
        unknownFields(body, MELODY_FIELDS);
        String key = string(body, "key", false, 8);
        if (key != null) {
            try {
                Key k = Key.parse(key);
                if (!k.mode().equals("maj") && !k.mode().equals("m")) {
                    throw field("key", "'key' must be a major or minor key such as D, Em, Bb or F#m");
                }
            } catch (IllegalArgumentException e) {
                throw field("key", "'key' must be a key such as D, Em, Bb or F#m");
            }
        }
        String meter = string(body, "meter", false, 8);
        if (meter != null) {
            try {
                Meter.parse(meter);
            } catch (IllegalArgumentException e) {
                throw field("meter", "'meter' must be a time signature such as 4/4, 3/4 or 6/8");
            }
        }
        Integer bars = integer(body, "bars", 1, 64);
        String mood = string(body, "mood", false, 200);
        MelodyAsk ask = new MelodyAsk(key, meter, bars, mood);
        UUID conversation = conversation(body);
        blocking(ctx, () -> CreationJson.toJson(creation.melody(caller(ctx), conversation, ask)));
    }

    private void harmony(RoutingContext ctx) {
        JsonObject body = Responses.body(ctx);
        unknownFields(body, Set.of("melodyId"));
        Object raw = body.getValue("melodyId");
        if (raw == null) {
            throw field("melodyId", "'melodyId' is required: the id of one of your melodies");
        }
        if (!(raw instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.longValue() < 1) {
            throw field("melodyId", "'melodyId' must be a positive integer");
        }
        long id = n.longValue();
        blocking(ctx, () -> CreationJson.toJson(creation.harmonizeStored(caller(ctx), id)));
    }

    /** The optional conversation the result joins (so replies in the chat can refine it); 404 later when not the caller's. */
    private static UUID conversation(JsonObject body) {
        String raw = string(body, "conversationId", false, 64);
        if (raw == null) {
            return null;
        }
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw field("conversationId", "'conversationId' must be a UUID");
        }
    }

    private void editMelody(RoutingContext ctx) {
        JsonObject body = Responses.body(ctx);
        unknownFields(body, Set.of("action", "key", "meter", "tempo", "bars", "direction", "fromBar", "toBar", "conversationId"));
        String action = string(body, "action", true, 16);
        if (!MelodyEdit.ACTIONS.contains(action)) {
            throw field("action", "'action' must be one of " + String.join(", ", MelodyEdit.ACTIONS.stream().sorted().toList()));
        }
        String key = string(body, "key", false, 8);
        String meter = string(body, "meter", false, 8);
        Integer tempo = integer(body, "tempo", 30, 260);
        Integer bars = integer(body, "bars", 1, 64);
        String direction = string(body, "direction", false, 8);
        if (direction != null && !direction.equals("shorter") && !direction.equals("longer")) {
            throw field("direction", "'direction' must be shorter or longer");
        }
        Integer from = integer(body, "fromBar", 1, 64);
        Integer to = integer(body, "toBar", 1, 64);
        MelodyEdit edit = new MelodyEdit(action, key, meter, tempo, bars, direction, from, to);
        UUID conversation = conversation(body);
        blocking(ctx, () -> CreationJson.toJson(creation.editMelody(caller(ctx), conversation, edit)));
    }

    private void editLyrics(RoutingContext ctx) {
        JsonObject body = Responses.body(ctx);
        unknownFields(body, Set.of("action", "section", "index", "theme", "lines", "more", "mood", "conversationId"));
        String action = string(body, "action", true, 16);
        if (!dev.tunesmith.music.lyrics.SectionEditor.Edit.ACTIONS.contains(action)) {
            throw field("action", "'action' must be one of " + String.join(", ", dev.tunesmith.music.lyrics.SectionEditor.Edit.ACTIONS));
        }
        String section = string(body, "section", true, 16);
        if (!dev.tunesmith.music.lyrics.SectionEditor.Edit.SECTIONS.contains(section)) {
            throw field("section", "'section' must be one of " + String.join(", ", dev.tunesmith.music.lyrics.SectionEditor.Edit.SECTIONS));
        }
        Integer index = integer(body, "index", -1, 16);
        if (index != null && index == 0) {
            throw field("index", "'index' is 1-based (or -1 for the last)");
        }
        String theme = string(body, "theme", false, 200);
        Integer lines = integer(body, "lines", 1, 16);
        Integer more = integer(body, "more", 1, 12);
        String mood = string(body, "mood", false, 40);
        if (mood != null && !LyricsEdit.isMood(mood)) {
            throw field("mood", "'mood' is a few words, e.g. sad or hopeful");
        }
        LyricsEdit edit = new LyricsEdit(action, section, index, theme, lines, more, mood);
        UUID conversation = conversation(body);
        blocking(ctx, () -> CreationJson.toJson(creation.editLyrics(caller(ctx), conversation, edit)));
    }

    private void continueLyrics(RoutingContext ctx) {
        JsonObject body = Responses.body(ctx);
        unknownFields(body, Set.of("text", "lines", "scheme", "conversationId"));
        String text = string(body, "text", false, 4000);
        Integer lines = integer(body, "lines", 1, 16);
        String scheme = string(body, "scheme", false, 16);
        if (scheme != null && !scheme.matches("[A-Za-z]{1,16}")) {
            throw field("scheme", "'scheme' must be letters such as AABB or ABAB");
        }
        UUID conversation = conversation(body);
        blocking(ctx, () -> CreationJson.toJson(creation.continueLyrics(caller(ctx), conversation, text, lines == null ? 4 : lines, scheme)));
    }

    private void rewrite(RoutingContext ctx) {
        JsonObject body = Responses.body(ctx);
        unknownFields(body, Set.of("text", "line", "rhymeWith", "conversationId"));
        String text = string(body, "text", false, 4000);
        Integer line = integer(body, "line", 1, 64);
        if (line == null) {
            throw field("line", "'line' is required: the 1-based number of the line to rewrite");
        }
        String rhymeWith = string(body, "rhymeWith", true, 40);
        UUID conversation = conversation(body);
        blocking(ctx, () -> CreationJson.toJson(creation.rewriteLine(caller(ctx), conversation, text, line, rhymeWith)));
    }

    private void check(RoutingContext ctx) {
        JsonObject body = Responses.body(ctx);
        unknownFields(body, Set.of("text", "scheme", "syllables"));
        String text = string(body, "text", true, 4000);
        String scheme = string(body, "scheme", false, 16);
        if (scheme != null && !scheme.matches("[A-Za-z]{1,16}")) {
            throw field("scheme", "'scheme' must be letters such as AABB or ABAB");
        }
        Integer syllables = integer(body, "syllables", 2, 20);
        blocking(ctx, () -> CreationJson.toJson(creation.checkLyrics(text, scheme, syllables)));
    }

    private void rhymes(RoutingContext ctx) {
        JsonObject body = Responses.body(ctx);
        unknownFields(body, Set.of("word", "limit"));
        String word = string(body, "word", true, 40);
        if (!word.matches("[A-Za-z'’-]+")) {
            throw field("word", "'word' must be a single word");
        }
        Integer limit = integer(body, "limit", 1, 100);
        blocking(ctx, () -> CreationJson.toJson(creation.rhymes(word, limit == null ? 20 : limit)));
    }

    private static Creator caller(RoutingContext ctx) {
        Principal p = AuthHandler.principal(ctx);
        return new Creator(p.userId(), p.roles());
    }

    /**
     * Runs model inference off the event loop, on a virtual thread (the creation service awaits its
     * database futures, which Vert.x worker threads may not); failures become 400/403/404/503.
     */
    private static void blocking(RoutingContext ctx, Callable<JsonObject> work) {
        Promise<JsonObject> done = Promise.promise();
        Context loop = ctx.vertx().getOrCreateContext();
        Thread.ofVirtual().name("tunesmith-create").start(() -> {
            try {
                JsonObject result = work.call();
                loop.runOnContext(v -> done.complete(result));
            } catch (CreationException e) {
                ApiError error = switch (e.kind()) {
                    case INVALID -> ApiError.invalid("invalid_request", e.getMessage());
                    case FORBIDDEN -> ApiError.forbidden(e.getMessage());
                    case NOT_FOUND -> new ApiError(404, "not_found", e.getMessage());
                    case UNAVAILABLE -> ApiError.unavailable("generator_unavailable", e.getMessage());
                };
                loop.runOnContext(v -> done.fail(error));
            } catch (Exception | Error e) {
                loop.runOnContext(v -> done.fail(e));
            }
        });
        Responses.reply(ctx, 200, done.future());
    }

    private static void unknownFields(JsonObject body, Set<String> allowed) {
        for (String name : body.fieldNames()) {
            if (!allowed.contains(name)) {
                throw field(name, "unknown field '" + name + "'; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private static String string(JsonObject body, String name, boolean required, int max) {
        Object v = body.getValue(name);
        if (v == null) {
            if (required) {
                throw field(name, "'" + name + "' is required");
            }
            return null;
        }
        if (!(v instanceof String s)) {
            throw field(name, "'" + name + "' must be a string");
        }
        String t = s.strip();
        if (t.isEmpty()) {
            if (required) {
                throw field(name, "'" + name + "' must not be blank");
            }
            return null;
        }
        if (t.length() > max) {
            throw field(name, "'" + name + "' is limited to " + max + " characters");
        }
        return t;
    }

    private static Integer integer(JsonObject body, String name, int min, int max) {
        Object v = body.getValue(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw field(name, "'" + name + "' must be an integer between " + min + " and " + max);
        }
        long x = n.longValue();
        if (x < min || x > max) {
            throw field(name, "'" + name + "' must be between " + min + " and " + max + ", got " + x);
        }
        return (int) x;
    }

    private static ApiError field(String name, String message) {
        return ApiError.invalid("invalid_" + name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT), message);
    }
}
