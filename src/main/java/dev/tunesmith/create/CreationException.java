package dev.tunesmith.create;

/** A creation request that cannot be met as asked; the message is written for the creator. */
public final class CreationException extends RuntimeException {

    /** Why: the routes map these to 400, 403, 404 and 503. */
    public enum Kind { INVALID, FORBIDDEN, NOT_FOUND, UNAVAILABLE }

    private final Kind kind;

    public CreationException(String message) {
        this(Kind.INVALID, message);
    }

    public CreationException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
