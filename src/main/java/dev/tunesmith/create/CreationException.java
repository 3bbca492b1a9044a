package dev.tunesmith.create;

/** A creation request that cannot be met as asked; the message is written for the creator. */
public final class CreationException extends RuntimeException {
    public CreationException(String message) {
        super(message, null, false, false);
    }
}
