package dev.tunesmith.library;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Decodes any file ffmpeg reads into mono 32-bit float PCM at a given rate, streamed from the
 * subprocess's stdout in fixed chunks to a {@link Sink}: memory stays at one chunk whatever the
 * track's length. {@code maxSeconds} caps the audio read ({@code ffmpeg -t}); {@code timeout} caps
 * the wall-clock time, after which the process is killed and the decode fails.
 */
public final class AudioDecoder {

    /** Receives decoded samples; {@code samples} is reused between calls. */
    @FunctionalInterface
    public interface Sink {
        void accept(float[] samples, int n);
    }

    /** Why a file could not be decoded (the message is the reason shown to the user). */
    public static final class DecodeException extends IOException {
        public DecodeException(String message) {
            super(message);
        }
    }

    /** How much was decoded and what it cost. */
    public record Result(long samples, double seconds, long ffmpegCpuMillis) {}

    private static final int CHUNK_SAMPLES = 16_384;

    private final String ffmpeg;

    public AudioDecoder(String ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /** True when the ffmpeg binary runs. */
    public boolean available() {
        try {
            Process p = new ProcessBuilder(ffmpeg, "-hide_banner", "-version").redirectErrorStream(true).start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public Result decode(Path file, int sampleRate, double maxSeconds, Duration timeout, Sink sink) throws DecodeException {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg, "-nostdin", "-hide_banner", "-v", "error", "-i", file.toString(),
                "-vn", "-sn", "-dn", "-ac", "1", "-ar", String.valueOf(sampleRate)));
        if (maxSeconds > 0) {
            cmd.addAll(List.of("-t", String.valueOf(maxSeconds)));
        }
        cmd.addAll(List.of("-f", "f32le", "pipe:1"));
        Process p;
        try {
            p = new ProcessBuilder(cmd).start();
        } catch (IOException e) {
            throw new DecodeException("ffmpeg could not be started (" + ffmpeg + "): " + e.getMessage());
        }
        StringBuilder err = new StringBuilder();
        Thread errReader = Thread.ofVirtual().start(() -> readBounded(p.getErrorStream(), err, 2000));
        long deadline = System.nanoTime() + timeout.toNanos();
        Thread watchdog = Thread.ofVirtual().start(() -> {
            try {
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException ignored) {
                // the decode finished first
            }
        });
        long samples = 0;
        byte[] bytes = new byte[CHUNK_SAMPLES * 4];
        float[] floats = new float[CHUNK_SAMPLES];
        ByteBuffer view = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        try (InputStream in = p.getInputStream()) {
            int filled = 0;
            while (true) {
                int r = in.read(bytes, filled, bytes.length - filled);
                if (r < 0) {
                    break;
                }
                filled += r;
                int whole = filled / 4;
                if (whole == 0) {
                    continue;
                }
                view.rewind();
                view.asFloatBuffer().get(floats, 0, whole);
                sink.accept(floats, whole);
                samples += whole;
                int rest = filled - whole * 4;
                System.arraycopy(bytes, whole * 4, bytes, 0, rest);
                filled = rest;
            }
            int code = p.waitFor();
            errReader.join(1000);
            if (System.nanoTime() > deadline) {
                throw new DecodeException("decoding took longer than " + timeout.toSeconds() + " s (killed)");
            }
            if (code != 0) {
                String reason = err.toString().trim().lines().reduce((a, b) -> b).orElse("exit status " + code);
                throw new DecodeException("ffmpeg could not decode it: " + reason);
            }
            if (samples == 0) {
                throw new DecodeException("no audio stream (ffmpeg decoded 0 samples)");
            }
            long cpu = p.info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
            return new Result(samples, samples / (double) sampleRate, cpu);
        } catch (IOException e) {
            throw new DecodeException("reading ffmpeg's output failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DecodeException("interrupted");
        } finally {
            p.destroyForcibly();
            watchdog.interrupt();
        }
    }

    private static void readBounded(InputStream in, StringBuilder out, int max) {
        byte[] buf = new byte[4096];
        try {
            int r;
            while ((r = in.read(buf)) >= 0) {
                synchronized (out) {
                    if (out.length() < max) {
                        out.append(new String(buf, 0, Math.min(r, max - out.length()), StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }
}
