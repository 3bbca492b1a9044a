package dev.tunesmith.playlist;

/** A playlist request that cannot be met as asked; the message is written for the listener. */
public final class PlaylistException extends RuntimeException {
    public PlaylistException(String message) {
        super(message, null, false, false);
    }
}
