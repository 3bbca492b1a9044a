package dev.tunesmith.app;

import dev.tunesmith.playlist.PlaylistService;

import dev.tunesmith.recommend.service.RecommenderService;

import dev.tunesmith.agent.tools.MusicServices;
import dev.tunesmith.agent.tools.ToolFailure;
import dev.tunesmith.catalog.Track;
import dev.tunesmith.create.CreationException;
import dev.tunesmith.create.Creator;
import dev.tunesmith.create.LyricsAsk;
import dev.tunesmith.create.MelodyAsk;
import dev.tunesmith.create.MelodyEdit;
import dev.tunesmith.playlist.PlaylistException;
import dev.tunesmith.playlist.PlaylistRequest;
import dev.tunesmith.playlist.RefineRequest;
import dev.tunesmith.catalog.TrackRepository;
import dev.tunesmith.create.CreationService;
import dev.tunesmith.recommend.mood.MoodTarget;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The services behind the agent's tools. Each call waits (on the agent's worker thread, never an
 * event loop) for the asynchronous service it delegates to, at most 30 seconds.
 */
public final class CompanionServices implements MusicServices {

    private final RecommenderService recommender;
    private final PlaylistService playlists;
    private final TrackRepository tracks;
    private final CreationService creation;

    public CompanionServices(RecommenderService recommender, PlaylistService playlists, TrackRepository tracks, CreationService creation) {
        this.recommender = recommender;
        this.playlists = playlists;
        this.tracks = tracks;
        this.creation = creation;
    }

    @Override
    public JsonObject profile(long userId) {
        return RecommenderService.toJson(recommender.profileNow(userId));
    }

    @Override
    public JsonObject rankTracks(long userId, UUID conversationId, PlaylistRequest request) {
        if (request.count() != null && (request.count() < 1 || request.count() > 100)) {
            throw new ToolFailure("a playlist can have 1 to 100 tracks");
        }
        return await(playlists.create(userId, conversationId, request));
    }

    @Override
    public JsonObject similarTracks(long userId, UUID conversationId, String trackQuery, int count) {
        if (trackQuery == null || trackQuery.isBlank()) {
            throw new ToolFailure("which track should the others sound like?");
        }
        return await(playlists.similar(userId, conversationId, trackQuery, count));
    }

    @Override
    public JsonObject refinePlaylist(long userId, UUID conversationId, RefineRequest request) {
        return await(playlists.refine(userId, conversationId, request));
    }

    @Override
    public JsonObject generateLyrics(Creator caller, UUID conversationId, LyricsAsk request) {
        return creation.lyrics(caller, conversationId, request);
    }

    @Override
    public JsonObject generateMelody(Creator caller, UUID conversationId, MelodyAsk request) {
        return creation.melody(caller, conversationId, request);
    }

    @Override
    public JsonObject harmonizeMelody(Creator caller, UUID conversationId, String abc) {
        return creation.harmonize(caller, conversationId, abc);
    }

    @Override
    public JsonObject editMelody(Creator caller, UUID conversationId, MelodyEdit edit) {
        return creation.editMelody(caller, conversationId, edit);
    }

    @Override
    public JsonObject resizeLyrics(Creator caller, UUID conversationId, String direction, Integer lines) {
        return creation.resizeLyrics(caller, conversationId, direction, lines);
    }

    /** One section of the newest lyrics edited (for a chat tool {@code editLyrics}; see {@code CreationService#editLyrics}). */
    public JsonObject editLyrics(Creator caller, UUID conversationId, dev.tunesmith.create.LyricsEdit edit) {
        return creation.editLyrics(caller, conversationId, edit);
    }

    @Override
    public JsonObject checkLyrics(String text, String scheme, Integer syllables) {
        return creation.checkLyrics(text, scheme, syllables);
    }

    @Override
    public JsonObject rhymes(String word, int limit) {
        return creation.rhymes(word, limit);
    }

    @Override
    public JsonObject continueLyrics(Creator caller, UUID conversationId, String text, int lines, String scheme) {
        return creation.continueLyrics(caller, conversationId, text, lines, scheme);
    }

    @Override
    public JsonObject rewriteLine(Creator caller, UUID conversationId, String text, int line, String rhymeWith) {
        return creation.rewriteLine(caller, conversationId, text, line, rhymeWith);
    }

    @Override
    public JsonObject describeTrack(String trackQuery) {
        if (trackQuery == null || trackQuery.isBlank()) {
            throw new ToolFailure("which track should I describe?");
        }
        TrackRepository.Page page = await(tracks.search(trackQuery, null, 1, 0));
        if (page.items().isEmpty()) {
            throw new ToolFailure("I couldn't find '" + trackQuery + "' in the catalog");
        }
        Track t = page.items().get(0);
        return new JsonObject().put("trackId", t.id()).put("description", describe(t));
    }

    @Override
    public JsonObject similarTracksAt(long userId, UUID conversationId, int position, int count) {
        return await(playlists.similarAt(userId, conversationId, position, count));
    }

    @Override
    public JsonObject describeTrackAt(long userId, UUID conversationId, int position) {
        PlaylistService.TrackInPlaylist at = await(playlists.trackAt(userId, conversationId, position));
        String why = at.reasons().isEmpty() ? "" : " It's #" + at.position() + " because: " + String.join("; ", at.reasons()) + ".";
        return new JsonObject().put("trackId", at.track().id()).put("position", at.position())
                .put("description", describe(at.track()) + why);
    }

    @Override
    public JsonObject classifyStyle(String text) {
        MoodTarget m = recommender.mood(text);
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

    /** A short review written from the track's data. */
    static String describe(Track t) {
        StringBuilder sb = new StringBuilder("\"" + t.title() + "\" by " + t.artist());
        if (t.album() != null) {
            sb.append(", from ").append(t.album());
        }
        if (t.year() != null) {
            sb.append(" (").append(t.year()).append(')');
        }
        sb.append('.');
        if (!t.tags().isEmpty()) {
            sb.append(" Filed under ").append(String.join(", ", t.tags())).append('.');
        }
        if (t.energy() != null && t.valence() != null) {
            sb.append(String.format(Locale.ROOT, " %s %s and %s in feel (energy %.2f, valence %.2f)",
                    t.featuresEstimated() ? "Judging by its genre, it's likely" : "It's",
                    t.energy() < 0.35 ? "calm" : t.energy() > 0.65 ? "energetic" : "moderately lively",
                    t.valence() < 0.35 ? "dark or melancholic" : t.valence() > 0.65 ? "bright and upbeat" : "balanced",
                    t.energy(), t.valence()));
            if (t.tempo() != null) {
                sb.append(String.format(Locale.ROOT, ", around %.0f BPM", t.tempo()));
            }
            sb.append('.');
        }
        if (t.durationSec() != null && t.durationSec() > 0) {
            sb.append(String.format(Locale.ROOT, " It runs %d:%02d.", t.durationSec() / 60, t.durationSec() % 60));
        }
        if (t.licence() != null) {
            sb.append(" Licence: ").append(t.licence()).append('.');
        }
        return sb.toString();
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.await(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ToolFailure("that took too long; please try again");
        } catch (ToolFailure | PlaylistException | CreationException e) {
            throw e;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof PlaylistException f) {
                throw f;
            }
            throw e;
        }
    }
}
