package dev.tunesmith.agent.tools;

/** A tool could not do what was asked; the message is shown to the model (and the user). */
public final class ToolFailure extends RuntimeException {
    public ToolFailure(String message) {
        super(message, null, false, false);
    }
}
