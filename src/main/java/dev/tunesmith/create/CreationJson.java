package dev.tunesmith.create;

import dev.tunesmith.music.lyrics.Songwriter;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;

/**
 * The JSON of creations, one mapper per type: the wire shapes of lyrics and melodies (routes, the chat socket's
 * {@code lyrics}/{@code melody} artifacts, CONTRACT.md), what is stored as an artifact's content, and the reviews
 * and rhymes the songwriting tools return.
 */
public final class CreationJson {

    private CreationJson() {}

    /** {@code {"title","text","scheme","checks","sections"?,"theme"?,"syllables"?,"id","edit"?,"added"?,"rewrittenLine"?}}. */
    public static JsonObject toJson(LyricsArtifact a) {
        JsonObject o = content(a).put("id", a.id());
        if (a.edit() != null) {
            o.put("edit", a.edit());
        }
        if (a.added() != null) {
            o.put("added", new JsonArray(new ArrayList<>(a.added())));
        }
        if (a.rewrittenLine() != null) {
            o.put("rewrittenLine", a.rewrittenLine());
        }
        if (a.changedSections() != null) {
            o.put("changedSections", new JsonArray(new ArrayList<>(a.changedSections())));
        }
        return o;
    }

    /** What is stored of lyrics: the text and how it was made, not the id nor what the last edit said. */
    static JsonObject content(LyricsArtifact a) {
        JsonObject o = new JsonObject().put("title", a.title()).put("text", a.text()).put("scheme", a.scheme())
                .put("checks", new JsonObject(a.checks().toMap()));
        if (!a.sections().isEmpty()) {
            o.put("sections", new JsonArray(new ArrayList<>(a.sections())));
        }
        if (a.theme() != null) {
            o.put("theme", a.theme());
        }
        if (a.syllables() != null) {
            o.put("syllables", a.syllables());
        }
        return o;
    }

    /** {@code {"abc","key","meter","bars","tempo"?,"edit"?,"id"}}. */
    public static JsonObject toJson(MelodyArtifact m) {
        return content(m).put("id", m.id());
    }

    /** What is stored of a melody: everything but the id. */
    static JsonObject content(MelodyArtifact m) {
        JsonObject o = new JsonObject().put("abc", m.abc()).put("key", m.key()).put("meter", m.meter()).put("bars", m.bars());
        if (m.tempo() != null) {
            o.put("tempo", m.tempo());
        }
        if (m.edit() != null) {
            o.put("edit", m.edit());
        }
        return o;
    }

    /** What the agent's model reads of new lyrics: {@code {"title","text","checks"}}. */
    public static JsonObject forModel(LyricsArtifact a) {
        return new JsonObject().put("title", a.title()).put("text", a.text()).put("checks", new JsonObject(a.checks().toMap()));
    }

    /**
     * {@code {"schemeFound","typicalSyllables","lines":[...],"schemeAdherence","syllableAdherence","weakRhymes":[...],
     * "suggestions":[...]}}.
     */
    public static JsonObject toJson(Songwriter.Review r) {
        JsonArray weak = new JsonArray();
        r.weakRhymes().forEach(w -> weak.add(new JsonObject().put("line", w.line()).put("partner", w.partner()).put("word", w.word())
                .put("partnerWord", w.partnerWord()).put("kind", w.kind())));
        JsonObject checks = new JsonObject(r.report().toMap());
        return new JsonObject().put("schemeFound", r.schemeFound()).put("typicalSyllables", r.typicalSyllables())
                .put("lines", checks.getJsonArray("lines")).put("schemeAdherence", checks.getValue("schemeAdherence"))
                .put("syllableAdherence", checks.getValue("syllableAdherence")).put("weakRhymes", weak)
                .put("suggestions", new JsonArray(new ArrayList<>(r.suggestions())));
    }

    /** {@code {"word","syllables","perfect":[{"word","syllables"}],"near":[...]}}. */
    public static JsonObject toJson(Songwriter.Rhymes r) {
        JsonArray perfect = new JsonArray();
        r.perfect().forEach(w -> perfect.add(new JsonObject().put("word", w.word()).put("syllables", w.syllables())));
        JsonArray near = new JsonArray();
        r.near().forEach(w -> near.add(new JsonObject().put("word", w.word()).put("syllables", w.syllables())));
        return new JsonObject().put("word", r.word()).put("syllables", r.syllables()).put("perfect", perfect).put("near", near);
    }
}
