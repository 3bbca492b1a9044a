package dev.tunesmith.agent.tools;

import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.service.tool.ToolExecution;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * How one tool call ended, as the agent records it: {@code ok}, else the failure's {@code code} and the
 * {@code message} written for the user; {@code text} is what the model read (JSON for results and known
 * failures). Read from LangChain4j's own per-call record ({@link ToolExecution#hasFailed()} during a turn,
 * {@link ToolExecutionResultMessage#isError()} from the chat memory), never from the wording of the text.
 */
public record ToolOutcome(String tool, boolean ok, ToolFailure.Code code, String message, String text) {

    /** The outcome of a call that just ran. */
    public static ToolOutcome of(ToolExecution execution) {
        return of(execution.request().name(), !execution.hasFailed(), execution.result());
    }

    /** The outcome of a call remembered in the conversation's memory. */
    public static ToolOutcome of(ToolExecutionResultMessage result) {
        Boolean error = result.isError();
        return of(result.toolName(), error == null ? !storedAsError(result.text()) : !error, result.text());
    }

    private static ToolOutcome of(String tool, boolean ok, String text) {
        if (ok) {
            return new ToolOutcome(tool, true, null, null, text);
        }
        JsonObject json = object(text);
        if (json != null && json.getValue("error") instanceof String message) {
            return new ToolOutcome(tool, false, json.containsKey("code") ? ToolFailure.Code.of(json.getString("code")) : ToolFailure.Code.INVALID,
                    message, text);
        }
        return new ToolOutcome(tool, false, ToolFailure.Code.UNEXPECTED, text, text);
    }

    /** The result as JSON, or null when it is not a JSON object. */
    public JsonObject json() {
        return object(text);
    }

    /**
     * Memory written before calls were marked ({@code isError} absent): a failure was then the tool's own
     * {@code {"error": ...}} answer.
     */
    private static boolean storedAsError(String text) {
        JsonObject json = object(text);
        return json != null && json.containsKey("error");
    }

    private static JsonObject object(String text) {
        if (text == null) {
            return null;
        }
        try {
            return new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }
}
