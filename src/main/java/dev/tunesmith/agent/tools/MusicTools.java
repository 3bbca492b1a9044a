package dev.tunesmith.agent.tools;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.tunesmith.create.Creator;
import dev.tunesmith.create.LyricsAsk;
import dev.tunesmith.create.LyricsEdit;
import dev.tunesmith.create.MelodyAsk;
import dev.tunesmith.create.MelodyEdit;
import dev.tunesmith.playlist.PlaylistRequest;
import dev.tunesmith.playlist.RefineRequest;
import dev.tunesmith.catalog.Track;
import dev.tunesmith.catalog.TrackDescription;
import dev.tunesmith.catalog.TrackRepository;
import dev.tunesmith.create.CreationJson;
import dev.tunesmith.create.CreationService;
import dev.tunesmith.create.LyricsArtifact;
import dev.tunesmith.create.MelodyArtifact;
import dev.tunesmith.playlist.PlaylistJson;
import dev.tunesmith.playlist.PlaylistService;
import dev.tunesmith.playlist.PlaylistView;
import dev.tunesmith.recommend.mood.MoodTarget;
import dev.tunesmith.recommend.service.RecommenderService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The agent's tools: thin adapters that describe arguments and call the feature services directly
 * (playlists, creation, the recommender, the catalog), waiting for them on the agent's worker thread
 * (never an event loop), at most 30 seconds. One instance per turn, bound to the caller from the
 * session: no tool takes a user id, so no prompt can make a tool read another user's data. Artifacts
 * are streamed to the client as soon as a tool returns them; the model gets a compact summary. What
 * they throw is worded for the model by {@link ToolErrors}.
 */
public final class MusicTools {

    private final RecommenderService recommender;
    private final PlaylistService playlists;
    private final TrackRepository tracks;
    private final CreationService creation;
    private final ToolContext ctx;

    public MusicTools(RecommenderService recommender, PlaylistService playlists, TrackRepository tracks, CreationService creation,
            ToolContext ctx) {
        this.recommender = recommender;
        this.playlists = playlists;
        this.tracks = tracks;
        this.creation = creation;
        this.ctx = ctx;
    }

    /** A turn's tools over these services, for {@code ChatAgent}. */
    public static Function<ToolContext, MusicTools> over(RecommenderService recommender, PlaylistService playlists, TrackRepository tracks,
            CreationService creation) {
        return ctx -> new MusicTools(recommender, playlists, tracks, creation, ctx);
    }

    @Tool("Look up the current user's own listening profile: top tags, top artists, mood centre, counts.")
    public String lookupMyProfile() {
        return answer(() -> RecommenderService.toJson(recommender.profileNow(ctx.userId())).encode());
    }

    @Tool("Build a personalised playlist for a mood or situation, with optional constraints. Genres excluded also exclude "
            + "their sub-genres (no rock also removes indie rock).")
    public String rankTracks(
            @P("the mood, activity or situation in the user's words") String mood,
            @P(value = "number of tracks, 1-100", required = false) Integer count,
            @P(value = "artists to leave out", required = false) List<String> excludeArtists,
            @P(value = "genres or tags to leave out, e.g. jazz", required = false) List<String> excludeTags,
            @P(value = "lowest energy 0-1", required = false) Double minEnergy,
            @P(value = "highest energy 0-1", required = false) Double maxEnergy,
            @P(value = "lowest tempo in BPM", required = false) Double minTempo,
            @P(value = "highest tempo in BPM", required = false) Double maxTempo,
            @P(value = "at most this many tracks per artist", required = false) Integer maxPerArtist,
            @P(value = "shortest track length in seconds", required = false) Integer minDurationSec,
            @P(value = "longest track length in seconds", required = false) Integer maxDurationSec,
            @P(value = "earliest release year, e.g. 1990", required = false) Integer minYear,
            @P(value = "latest release year, e.g. 2009 for 'before 2010'", required = false) Integer maxYear,
            @P(value = "the whole playlist's length in minutes ('45 minutes of running music'), instead of a count", required = false)
            Integer totalMinutes) {
        return playlist(() -> await(playlists.create(ctx.userId(), ctx.conversationId(), ToolArguments.playlist(new PlaylistRequest(mood, count,
                excludeArtists, excludeTags, minEnergy, maxEnergy, minTempo, maxTempo, maxPerArtist, minDurationSec, maxDurationSec, null,
                minYear, maxYear, totalMinutes)))));
    }

    @Tool("Find tracks similar to a given track (named by title and/or artist, or by its position in this conversation's playlist).")
    public String similarTracks(@P(value = "title and/or artist of the track", required = false) String track,
            @P(value = "number of tracks", required = false) Integer count,
            @P(value = "1-based position in the current playlist (-1 = last), instead of a name", required = false) Integer position) {
        return playlist(() -> {
            int n = count == null ? 10 : count;
            if (n < 1 || n > 100) {
                throw new ToolFailure("count must be 1-100, got " + n);
            }
            return position != null ? await(playlists.similarAt(ctx.userId(), ctx.conversationId(), checkedPosition(position), n))
                    : await(playlists.similar(ctx.userId(), ctx.conversationId(), required(track, "which track should the others sound like?"), n));
        });
    }

    @Tool("Edit the current playlist of this conversation. action is one of: set_count (amount = new total), add (amount more), "
            + "remove (positions, or amount from the end), swap (positions, optional direction), shift (direction for the whole list), "
            + "exclude_artist, exclude_genre, constrain (tempo/energy/length/release-year/per-artist limits), refresh (other tracks for "
            + "the same request: 'mix it up', 'these all sound the same'), more_by_artist (a new list of other tracks by the artist "
            + "named, or by the artist at positions[0], or by the list's main artist: 'more by this artist'), order (the same "
            + "tracks reordered so the list moves in direction from first to last: 'the most energetic at the end' is more_energetic; "
            + "no direction shuffles the order), reduce_genre (fewer tracks of genre, not none: 'less electronic'), undo. "
            + "direction is one of: calmer, more_energetic, happier, sadder, faster, slower.")
    public String refinePlaylist(@P("set_count | add | remove | swap | shift | exclude_artist | exclude_genre | constrain | refresh | more_by_artist | order | reduce_genre | undo") String action,
            @P(value = "1-based positions of tracks (-1 = last), for swap, remove and shift", required = false) List<Integer> positions,
            @P(value = "a count: the new total for set_count, how many to add or remove", required = false) Integer amount,
            @P(value = "artist name, for exclude_artist and more_by_artist", required = false) String artist,
            @P(value = "genre, for exclude_genre and reduce_genre (several: comma-separated)", required = false) String genre,
            @P(value = "calmer | more_energetic | happier | sadder | faster | slower, for swap, shift and order", required = false) String direction,
            @P(value = "lowest tempo in BPM, for constrain", required = false) Double minTempo,
            @P(value = "highest tempo in BPM, for constrain", required = false) Double maxTempo,
            @P(value = "lowest energy 0-1, for constrain", required = false) Double minEnergy,
            @P(value = "highest energy 0-1, for constrain", required = false) Double maxEnergy,
            @P(value = "shortest track length in seconds, for constrain", required = false) Integer minDurationSec,
            @P(value = "longest track length in seconds, for constrain", required = false) Integer maxDurationSec,
            @P(value = "at most this many tracks per artist, for constrain", required = false) Integer maxPerArtist,
            @P(value = "earliest release year, for constrain", required = false) Integer minYear,
            @P(value = "latest release year, for constrain", required = false) Integer maxYear) {
        return playlist(() -> await(playlists.refine(ctx.userId(), ctx.conversationId(), ToolArguments.refine(new RefineRequest(action,
                positions, amount, artist, genre, direction, minTempo, maxTempo, minEnergy, maxEnergy, minDurationSec, maxDurationSec,
                maxPerArtist, minYear, maxYear)))));
    }

    @Tool("Write song lyrics on a theme with a rhyme scheme (e.g. AABB, ABAB) and a syllable count per line.")
    public String generateLyrics(@P("what the song is about") String theme,
            @P(value = "rhyme scheme such as AABB or ABAB", required = false) String scheme,
            @P(value = "number of lines", required = false) Integer lines,
            @P(value = "syllables per line", required = false) Integer syllables) {
        return created("lyrics", () -> creation.lyrics(ctx.creator(), ctx.conversationId(), new LyricsAsk(theme, scheme, lines, syllables)),
                CreationJson::toJson, lyrics -> CreationJson.forModel(lyrics).encode());
    }

    @Tool("Compose a melody in ABC notation, with key (e.g. D, Em; none: minor for a sad mood), meter (e.g. 4/4, 6/8), length "
            + "in bars and a mood; withChords for a tune with its chords ('a chord progression for a sad song').")
    public String generateMelody(@P(value = "key such as G, D, Am", required = false) String key,
            @P(value = "meter such as 4/4, 3/4, 6/8", required = false) String meter,
            @P(value = "number of bars, 4-64", required = false) Integer bars,
            @P(value = "mood or tempo hint", required = false) String mood,
            @P(value = "true for the tune with its chords", required = false) Boolean withChords) {
        return melody(() -> creation.melody(ctx.creator(), ctx.conversationId(), new MelodyAsk(key, meter, bars, mood,
                Boolean.TRUE.equals(withChords))));
    }

    @Tool("Propose chords for a melody in ABC notation; without abc, for the latest melody of this conversation.")
    public String harmonizeMelody(@P(value = "the melody in ABC notation", required = false) String abc) {
        return melody(() -> creation.harmonize(ctx.creator(), ctx.conversationId(), abc));
    }

    @Tool("Edit the newest melody: transpose (key), meter (meter), tempo (tempo in BPM), length (bars, or direction shorter|longer), "
            + "vary (a variation of bars fromBar-toBar), harmonize (chords again).")
    public String editMelody(@P("transpose | meter | tempo | length | vary | harmonize") String action,
            @P(value = "target key for transpose, e.g. Am, G, Bb", required = false) String key,
            @P(value = "new meter, e.g. 3/4", required = false) String meter,
            @P(value = "tempo in BPM", required = false) Integer tempo,
            @P(value = "new number of bars, for length", required = false) Integer bars,
            @P(value = "shorter or longer, for length without a number", required = false) String direction,
            @P(value = "first bar, for vary", required = false) Integer fromBar,
            @P(value = "last bar, for vary", required = false) Integer toBar) {
        return melody(() -> creation.editMelody(ctx.creator(), ctx.conversationId(),
                new MelodyEdit(action, key, meter, tempo, bars, direction, fromBar, toBar)));
    }

    @Tool("Edit one section of the newest lyrics and keep the rest as it is: shorten, lengthen, rewrite (optionally on a new theme "
            + "or in a new mood: 'make the second verse sadder' is rewrite with mood sad), drop, or add a verse, chorus or bridge.")
    public String editLyrics(@P("shorten | lengthen | rewrite | drop | add") String action,
            @P("verse | chorus | bridge") String section,
            @P(value = "which one of that kind, 1-based; -1 for the last", required = false) Integer index,
            @P(value = "what a rewritten or added section is about", required = false) String theme,
            @P(value = "the section's new number of lines", required = false) Integer lines,
            @P(value = "how many lines to add, for lengthen", required = false) Integer more,
            @P(value = "how a rewritten or added section should feel, e.g. sad, hopeful, angry", required = false) String mood) {
        return lyrics(() -> creation.editLyrics(ctx.creator(), ctx.conversationId(), new LyricsEdit(action, section, index, theme, lines, more, mood)));
    }

    @Tool("Rewrite the whole of the newest lyrics in a mood ('make it sadder', 'the song should be more hopeful'): every verse, "
            + "the chorus and every bridge, on the song's own subject, scheme and line counts kept.")
    public String moodLyrics(@P("how the song should feel, e.g. sad, hopeful, angry") String mood) {
        return lyrics(() -> creation.moodLyrics(ctx.creator(), ctx.conversationId(), mood));
    }

    @Tool("Make the newest lyrics shorter or longer (a stanza at a time), or give them a number of lines.")
    public String resizeLyrics(@P(value = "shorter or longer", required = false) String direction,
            @P(value = "the new number of lines", required = false) Integer lines) {
        return lyrics(() -> creation.resizeLyrics(ctx.creator(), ctx.conversationId(), direction, lines));
    }

    @Tool("Check the user's own lyrics: syllables per line, the rhyme scheme found, weak rhymes and suggestions.")
    public String checkMyLyrics(@P("the lyrics, lines separated by newlines") String text,
            @P(value = "the rhyme scheme they aim for, e.g. ABAB", required = false) String scheme,
            @P(value = "syllables per line they aim for", required = false) Integer syllables) {
        return answer(() -> CreationJson.toJson(creation.checkLyrics(text, scheme, syllables)).encode());
    }

    @Tool("Find perfect and near rhymes for a word, with syllable counts.")
    public String rhymesFor(@P("the word") String word) {
        return answer(() -> CreationJson.toJson(creation.rhymes(word, 20)).encode());
    }

    @Tool("Continue the user's verse (their text, or the newest lyrics of this conversation) in its rhyme pattern and metre.")
    public String continueMyVerse(@P(value = "the verse so far; empty for the newest lyrics", required = false) String text,
            @P(value = "how many lines to add, default 4", required = false) Integer lines) {
        return lyrics(() -> creation.continueLyrics(ctx.creator(), ctx.conversationId(), text, lines == null ? 4 : lines, null));
    }

    @Tool("Rewrite one line of the lyrics (the given text, or the newest lyrics) so that it rhymes with a word.")
    public String rewriteLyricLine(@P("1-based number of the line") Integer line, @P("the word the line should rhyme with") String rhymeWith,
            @P(value = "the lyrics; empty for the newest lyrics", required = false) String text) {
        return lyrics(() -> {
            if (line == null) {
                throw new ToolFailure("which line should I rewrite?");
            }
            return creation.rewriteLine(ctx.creator(), ctx.conversationId(), text, line, rhymeWith);
        });
    }

    @Tool("Describe a catalog track (named by title and/or artist), or the track at a position of this conversation's playlist "
            + "(then also why it is there).")
    public String describeTrack(@P(value = "title and/or artist of the track", required = false) String track,
            @P(value = "1-based position in the current playlist (-1 = last), instead of a name", required = false) Integer position) {
        return answer(() -> (position != null ? describeAt(checkedPosition(position))
                : describe(required(track, "which track should I describe?"))).encode());
    }

    @Tool("Describe this conversation's current playlist as a whole: how many tracks, its total length, artists, main genres, "
            + "energy and tempo ('how long is this playlist?', 'what genre is most of this?').")
    public String describePlaylist() {
        return answer(() -> {
            PlaylistService.Overview o = await(playlists.overview(ctx.userId(), ctx.conversationId()));
            return new JsonObject().put("tracks", o.tracks()).put("totalSec", o.totalSec()).put("artists", o.artists())
                    .put("description", o.describe()).encode();
        });
    }

    @Tool("Classify the musical style and mood a text describes (tags, energy, valence, tempo).")
    public String classifyStyle(@P("a description of music, a mood or a situation") String text) {
        return answer(() -> style(recommender.mood(text)).encode());
    }

    /** A playlist tool: the playlist is streamed to the client and summarised for the model. */
    private String playlist(java.util.function.Supplier<PlaylistView> make) {
        return answer(() -> {
            PlaylistView playlist = make.get();
            ctx.sink().artifact("playlist", PlaylistJson.toJson(playlist));
            return PlaylistJson.forModel(playlist).encode();
        });
    }

    /** A lyrics tool whose artifact is streamed to the client and given whole to the model. */
    private String lyrics(java.util.function.Supplier<LyricsArtifact> make) {
        return created("lyrics", make, CreationJson::toJson, a -> CreationJson.toJson(a).encode());
    }

    /** A melody tool whose artifact is streamed to the client and given whole to the model. */
    private String melody(java.util.function.Supplier<MelodyArtifact> make) {
        return created("melody", make, CreationJson::toJson, a -> CreationJson.toJson(a).encode());
    }

    /**
     * A creation tool: listeners are refused before any work; the artifact of {@code kind} is streamed as {@code wire},
     * {@code forModel} says what the model gets.
     */
    private <A> String created(String kind, java.util.function.Supplier<A> make, Function<A, JsonObject> wire, Function<A, String> forModel) {
        return answer(() -> {
            requireCreator();
            A artifact = make.get();
            ctx.sink().artifact(kind, wire.apply(artifact));
            return forModel.apply(artifact);
        });
    }

    /**
     * Runs a tool body unless the turn was cancelled. What it throws is left to LangChain4j, whose error handler
     * ({@link ToolErrors#handle}) words it for the model and marks the call failed.
     */
    private String answer(java.util.function.Supplier<String> body) {
        ctx.checkNotCancelled();
        return body.get();
    }

    /** A catalog track found by title/artist words, described. */
    private JsonObject describe(String trackQuery) {
        TrackRepository.Page page = await(tracks.search(trackQuery, null, 1, 0));
        if (page.items().isEmpty()) {
            throw new ToolFailure(ToolFailure.Code.NOT_FOUND, "I couldn't find '" + trackQuery + "' in the catalog");
        }
        Track t = page.items().get(0);
        return new JsonObject().put("trackId", t.id()).put("description", TrackDescription.of(t));
    }

    /** The track at a position of the conversation's newest playlist, described, with why it is there. */
    private JsonObject describeAt(int position) {
        PlaylistService.TrackInPlaylist at = await(playlists.trackAt(ctx.userId(), ctx.conversationId(), position));
        String why = at.reasons().isEmpty() ? "" : " It's #" + at.position() + " because: " + String.join("; ", at.reasons()) + ".";
        return new JsonObject().put("trackId", at.track().id()).put("position", at.position())
                .put("description", TrackDescription.of(at.track()) + why);
    }

    /** The style/mood a text describes: tags, valence/energy/tempo ranges. */
    private static JsonObject style(MoodTarget m) {
        JsonObject o = new JsonObject().put("label", m.label()).put("tags", new JsonArray(m.wantedTags()))
                .put("avoid", new JsonArray(m.unwantedTags()));
        if (m.energy() != null) {
            o.put("energy", m.energy().toString());
        }
        if (m.valence() != null) {
            o.put("valence", m.valence().toString());
        }
        if (m.tempo() != null) {
            o.put("tempo", m.tempo().toString());
        }
        return o;
    }

    private static String required(String value, String question) {
        if (value == null || value.isBlank()) {
            throw new ToolFailure(question);
        }
        return value;
    }

    /** Waits for a service on this (worker) thread, at most 30 seconds; its failure is thrown as it is. */
    private static <T> T await(Future<T> future) {
        try {
            return future.await(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new ToolFailure(ToolFailure.Code.TIMED_OUT, "that took too long; please try again");
        }
    }

    /** A 1-based playlist position, or -1 for the last track. */
    private static int checkedPosition(int position) {
        if (position == 0 || position < -1 || position > 100) {
            throw new ToolFailure("position is a 1-based track number (or -1 for the last), got " + position);
        }
        return position;
    }

    /** Creation tools refuse listeners before any work, with the role check of the session (not of the arguments). */
    private void requireCreator() {
        if (!ctx.creator().mayCreate()) {
            throw new ToolFailure(ToolFailure.Code.FORBIDDEN, Creator.NEEDS_ROLE);
        }
    }
}
