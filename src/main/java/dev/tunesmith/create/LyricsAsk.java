package dev.tunesmith.create;

/** Lyrics as a person asks for them; nulls take the defaults of {@link CreationService}. */
public record LyricsAsk(String theme, String scheme, Integer lines, Integer syllables) {}
