package dev.tunesmith.create;

/** A melody as a person asks for it; nulls take the defaults of {@link CreationService}. */
public record MelodyAsk(String key, String meter, Integer bars, String mood) {}
