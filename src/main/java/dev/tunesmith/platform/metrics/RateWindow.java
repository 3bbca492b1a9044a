package dev.tunesmith.platform.metrics;

/** Counts per second over the last minute, for "per minute" figures on the dashboard. Thread-safe. */
public final class RateWindow {

    private final long[] counts = new long[60];
    private final long[] seconds = new long[60];

    public synchronized void mark() {
        long now = System.currentTimeMillis() / 1000;
        int slot = (int) (now % 60);
        if (seconds[slot] != now) {
            seconds[slot] = now;
            counts[slot] = 0;
        }
        counts[slot]++;
    }

    /** Events in the last 60 seconds. */
    public synchronized long lastMinute() {
        long now = System.currentTimeMillis() / 1000;
        long sum = 0;
        for (int i = 0; i < 60; i++) {
            if (now - seconds[i] < 60) {
                sum += counts[i];
            }
        }
        return sum;
    }
}
