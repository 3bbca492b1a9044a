package dev.tunesmith.recommend;

/** A change to an existing playlist requested by the user (the chat agent's {@code refinePlaylist}). */
public sealed interface Refinement {
    /** Replace the item at {@code position} with the best unused item that keeps all constraints. */
    record Swap(int position) implements Refinement {}

    /** Rebuild with the energy centre {@code step} quantiles (e.g. 0.2) above where the playlist stands. */
    record MoreEnergetic(double step) implements Refinement {}

    /** Rebuild with the energy centre {@code step} quantiles below where the playlist stands. */
    record LessEnergetic(double step) implements Refinement {}

    /** Append {@code by} more items that keep all constraints. */
    record Longer(int by) implements Refinement {}

    /** Drop the {@code by} weakest items (keeping the order of the rest). */
    record Shorter(int by) implements Refinement {}
}
