package dev.tunesmith.music.abc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates {@code ../shared/data}; tests that need it skip with a message when it is absent. */
public final class CorpusFixture {

    private CorpusFixture() {}

    /** The shared data folder, or a skipped test. */
    public static Path sharedData() {
        String p = System.getProperty("tunesmith.shared.data", "../shared/data");
        Path dir = Path.of(p);
        assumeTrue(Files.isDirectory(dir), "shared data folder " + dir.toAbsolutePath() + " is absent: skipping corpus test");
        return dir;
    }

    /** The Nottingham ABC folder, or a skipped test. */
    public static Path nottingham() {
        Path dir = sharedData().resolve("nottingham-abc");
        assumeTrue(Files.isDirectory(dir), "Nottingham ABC folder " + dir.toAbsolutePath() + " is absent: skipping corpus test");
        return dir;
    }
}
