package dev.tunesmith.library;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where exported playlists point for scanned tracks: the file's absolute path (for a player on this
 * machine) or an absolute signed stream URL that any player can open without a token, valid for
 * {@code library.exportUrlTtlHours}.
 */
public final class PlayableLocations {

    private final LibraryRepository repo;
    private final StreamSigner signer;
    private final Duration ttl;

    public PlayableLocations(LibraryRepository repo, StreamSigner signer, Duration ttl) {
        this.repo = repo;
        this.signer = signer;
        this.ttl = ttl;
    }

    public Future<Map<Long, String>> of(List<Long> trackIds, long userId, String baseUrl, boolean localFiles) {
        if (trackIds.isEmpty()) {
            return Future.succeededFuture(Map.of());
        }
        return repo.paths(trackIds).map(paths -> {
            Map<Long, String> out = new LinkedHashMap<>();
            paths.forEach((id, path) -> out.put(id, localFiles ? path : baseUrl + signer.sign(id, userId, ttl).path()));
            return out;
        });
    }
}
