package dev.tunesmith.agent.tools;

/**
 * A tool could not do what was asked; the message is shown to the model (and the user). {@link ToolErrors}
 * turns the domain exceptions into these, and the agent records the {@link Code} as the call's {@link ToolOutcome}.
 */
public final class ToolFailure extends RuntimeException {

    /** Why a tool call failed; its lower-case name is the {@code code} the model reads next to the error. */
    public enum Code {
        /** The arguments (or the request they make) cannot be met as given. */
        INVALID,
        /** The caller's role does not allow it (creation for listeners). */
        FORBIDDEN,
        /** What the call refers to (a track, a melody, a playlist) is not there. */
        NOT_FOUND,
        /** A generator or model is not available right now. */
        UNAVAILABLE,
        /** The service did not answer in time. */
        TIMED_OUT,
        /** The user cancelled the turn. */
        CANCELLED,
        /** Anything else: not a failure written for the user. */
        UNEXPECTED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The code named {@code id}, or {@link #UNEXPECTED} when there is none by that name. */
        public static Code of(String id) {
            for (Code c : values()) {
                if (c.id().equals(id)) {
                    return c;
                }
            }
            return UNEXPECTED;
        }
    }

    private final Code code;

    public ToolFailure(String message) {
        this(Code.INVALID, message);
    }

    public ToolFailure(Code code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
