package dev.tunesmith.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StreamPiecesTest {

    @Test
    void should_resolve_byte_ranges_against_the_file_size() {
        assertEquals(Optional.of(new ByteRange(0, 99)), ByteRange.parse("bytes=0-99", 1000));
        assertEquals(Optional.of(new ByteRange(900, 999)), ByteRange.parse("bytes=900-", 1000));
        assertEquals(Optional.of(new ByteRange(950, 999)), ByteRange.parse("bytes=-50", 1000));
        assertEquals(Optional.of(new ByteRange(10, 999)), ByteRange.parse("bytes=10-5000", 1000), "an end past the file is clipped");
        assertEquals(Optional.empty(), ByteRange.parse(null, 1000));
        assertEquals(Optional.empty(), ByteRange.parse("items=0-1", 1000));
        assertThrows(ByteRange.Unsatisfiable.class, () -> ByteRange.parse("bytes=1000-", 1000));
        assertThrows(ByteRange.Unsatisfiable.class, () -> ByteRange.parse("bytes=20-10", 1000));
    }

    @Test
    void should_accept_only_unexpired_signatures_for_the_same_track_and_user() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        StreamSigner signer = new StreamSigner("a-secret-that-is-long-enough-0123456789", Clock.fixed(now, ZoneOffset.UTC));
        StreamSigner.Signed s = signer.sign(5, 9, Duration.ofMinutes(10));
        assertTrue(signer.verify(5, 9, s.expiresEpochSecond(), s.signature()));
        assertFalse(signer.verify(6, 9, s.expiresEpochSecond(), s.signature()), "another track");
        assertFalse(signer.verify(5, 8, s.expiresEpochSecond(), s.signature()), "another user");
        assertFalse(signer.verify(5, 9, s.expiresEpochSecond() + 60, s.signature()), "a longer expiry");
        StreamSigner later = new StreamSigner("a-secret-that-is-long-enough-0123456789", Clock.fixed(now.plusSeconds(601), ZoneOffset.UTC));
        assertFalse(later.verify(5, 9, s.expiresEpochSecond(), s.signature()), "expired");
        StreamSigner other = new StreamSigner("another-secret-that-is-long-enough-0123", Clock.fixed(now, ZoneOffset.UTC));
        assertFalse(other.verify(5, 9, s.expiresEpochSecond(), s.signature()), "another server secret");
    }

    @Test
    void should_read_licences_from_debian_copyright_files() {
        assertEquals(Optional.of("CC-BY-SA-3.0"), LicenceResolver.fromCopyright(
                "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: *\nCopyright: x\nLicense: CC-BY-SA-3.0\n"));
        assertEquals(Optional.of("GPL-2+"), LicenceResolver.fromCopyright("License:\n  This program is free software; you can redistribute it\n"
                + "  under the terms of the GNU General Public License version 2, or (at your option) any later version."));
        assertEquals(Optional.empty(), LicenceResolver.fromCopyright("All rights reserved."));
    }

    @Test
    void should_name_files_without_a_title_tag_after_the_file() {
        assertEquals("Elf land", LibraryScanner.titleFromFile(java.nio.file.Path.of("/m/03 - elf_land.ogg")));
    }
}
