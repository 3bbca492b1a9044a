package dev.tunesmith.jobs;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A {@link PrintStream} whose lines go to a job's log, each nudging its progress towards 95 %
 * (for trainers and evaluators that report by printing).
 */
public final class JobLog extends OutputStream {

    private final JobService.Job job;
    private final int expectedLines;
    private final StringBuilder line = new StringBuilder();
    private int lines;

    private JobLog(JobService.Job job, int expectedLines) {
        this.job = job;
        this.expectedLines = Math.max(1, expectedLines);
    }

    public static PrintStream of(JobService.Job job, int expectedLines) {
        return new PrintStream(new JobLog(job, expectedLines), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n' || b == '\r') {
            if (!line.toString().isBlank()) {
                job.log(line.toString());
                job.progress(Math.min(0.95, 0.05 + 0.9 * (++lines) / expectedLines));
            }
            line.setLength(0);
        } else {
            line.append((char) b);
        }
    }
}
