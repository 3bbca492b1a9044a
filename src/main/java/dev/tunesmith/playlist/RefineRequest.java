package dev.tunesmith.playlist;

/** An edit of the conversation's current playlist. */
public record RefineRequest(String action, Integer position, Integer amount, String artist) {}
