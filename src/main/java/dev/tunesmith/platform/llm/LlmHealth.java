package dev.tunesmith.platform.llm;

/** Whether the LLM should be used for the next turn. */
public interface LlmHealth {

    boolean healthy();

    /** A failed turn marks the LLM down until it proves healthy again. */
    void markUnhealthy();
}
