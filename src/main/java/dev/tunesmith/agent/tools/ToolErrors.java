package dev.tunesmith.agent.tools;

import dev.langchain4j.service.tool.ToolErrorContext;
import dev.langchain4j.service.tool.ToolErrorHandlerResult;
import dev.tunesmith.create.CreationException;
import dev.tunesmith.playlist.PlaylistException;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * Maps what a tool throws to what the model reads: the domain exceptions ({@link PlaylistException},
 * {@link CreationException}, {@link ToolFailure}, a rejected argument) become {@code {"error": message,
 * "code": code}}; anything else keeps LangChain4j's default text (its message). Either way LangChain4j marks the
 * call as failed ({@code ToolExecutionResultMessage.isError()}), which {@link ToolOutcome} reads.
 */
public final class ToolErrors {

    private ToolErrors() {}

    /** The {@link ToolExecutionErrorHandler} of the agent's AiServices. */
    public static ToolErrorHandlerResult handle(Throwable error, ToolErrorContext context) {
        return ToolErrorHandlerResult.text(text(error));
    }

    /** What the model reads for {@code error}. */
    public static String text(Throwable error) {
        return failure(error).map(ToolErrors::json)
                .orElseGet(() -> error.getMessage() == null ? error.getClass().getName() : error.getMessage());
    }

    /** {@code {"error": message, "code": code}}. */
    public static String json(ToolFailure f) {
        return new JsonObject().put("error", f.getMessage()).put("code", f.code().id()).encode();
    }

    /** The failure written for the user that {@code error} is (once unwrapped from reflection or future wrappers), if any. */
    public static Optional<ToolFailure> failure(Throwable error) {
        Throwable t = error;
        while (isWrapper(t) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return Optional.ofNullable(switch (t) {
            case ToolFailure tf -> tf;
            case PlaylistException p -> new ToolFailure(ToolFailure.Code.INVALID, p.getMessage());
            case CreationException c -> new ToolFailure(code(c.kind()), c.getMessage());
            case IllegalArgumentException a -> new ToolFailure(ToolFailure.Code.INVALID, a.getMessage());
            default -> null;
        });
    }

    private static boolean isWrapper(Throwable t) {
        return t.getClass() == RuntimeException.class || t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException || t instanceof java.lang.reflect.InvocationTargetException
                || t instanceof java.lang.reflect.UndeclaredThrowableException;
    }

    private static ToolFailure.Code code(CreationException.Kind kind) {
        return switch (kind) {
            case INVALID -> ToolFailure.Code.INVALID;
            case FORBIDDEN -> ToolFailure.Code.FORBIDDEN;
            case NOT_FOUND -> ToolFailure.Code.NOT_FOUND;
            case UNAVAILABLE -> ToolFailure.Code.UNAVAILABLE;
        };
    }
}
