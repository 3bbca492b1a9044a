package dev.tunesmith.music.abc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.music.abc.AbcElement.LineBreak;
import dev.tunesmith.music.abc.AbcElement.Note;
import dev.tunesmith.music.abc.AbcElement.Space;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AbcParserTest {

    private static List<AbcElement> music(Tune t) {
        return t.body().stream().filter(e -> !(e instanceof Space) && !(e instanceof LineBreak)).toList();
    }

    @Test
    void should_round_trip_every_tune_of_the_corpus() throws IOException {
        // given
        Path dir = CorpusFixture.nottingham();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".abc")).sorted().toList();
        }
        int tunes = 0;
        List<String> failures = new ArrayList<>();
        for (Path f : files) {
            // when
            List<Tune> book = AbcParser.parseBook(Files.readString(f), true);
            for (Tune t : book) {
                tunes++;
                String text = AbcSerializer.serialize(t);
                Tune again = AbcParser.parse(text);
                // then
                if (!music(t).equals(music(again)) || !t.header().equals(again.header()) || !text.equals(AbcSerializer.serialize(again))) {
                    failures.add(f.getFileName() + ": " + t.title());
                }
            }
        }
        assertEquals(1034, tunes);
        assertEquals(List.of(), failures);
    }

    @Test
    void should_reject_the_one_unclosed_chord_of_the_corpus_when_strict() throws IOException {
        // given
        String jigs = Files.readString(CorpusFixture.nottingham().resolve("jigs.abc"));
        // when
        AbcParseException e = assertThrows(AbcParseException.class, () -> AbcParser.parseBook(jigs));
        // then
        assertEquals(2236, e.line());
        assertEquals(51, e.column());
    }

    @Test
    void should_apply_key_signature_and_bar_accidentals() {
        // given
        String abc = "X:1\nM:4/4\nL:1/8\nK:D\nf=f f2 c4|f4 c4|\n";
        // when
        List<Note> notes = AbcParser.parse(abc).body().stream().filter(Note.class::isInstance).map(Note.class::cast).toList();
        // then
        assertEquals(List.of(1, 0, 0, 1, 1, 1), notes.stream().map(Note::alter).toList());
        assertEquals(Fraction.of(1, 4), notes.get(2).length());
    }

    @Test
    void should_report_line_and_column_of_an_unterminated_chord_symbol() {
        // given
        String abc = "X:1\nM:4/4\nK:G\nGABc \"D7 d2|\n";
        // when
        AbcParseException e = assertThrows(AbcParseException.class, () -> AbcParser.parse(abc));
        // then
        assertEquals(4, e.line());
        assertEquals(6, e.column());
    }

    @Test
    void should_reject_unknown_characters_with_position() {
        AbcParseException e = assertThrows(AbcParseException.class, () -> AbcParser.parse("X:1\nK:G\nAB?c|\n"));
        assertEquals(3, e.line());
        assertEquals(3, e.column());
        assertTrue(e.getMessage().contains("unexpected character '?'"));
    }

    @Test
    void should_reject_a_missing_key_field() {
        AbcParseException e = assertThrows(AbcParseException.class, () -> AbcParser.parse("X:1\nM:4/4\nABcd|\n"));
        assertEquals(3, e.line());
    }

    @Test
    void should_reject_an_accidental_without_note_and_a_zero_length() {
        assertEquals(6, assertThrows(AbcParseException.class, () -> AbcParser.parse("X:1\nK:C\nABcd ^|\n")).column());
        assertEquals(2, assertThrows(AbcParseException.class, () -> AbcParser.parse("X:1\nK:C\nA0Bcd|\n")).column());
        assertEquals(2, assertThrows(AbcParseException.class, () -> AbcParser.parse("X:1\nK:Hm\nA|\n")).line());
    }

    @Test
    void should_count_triplets_as_two_eighths_in_bar_durations() {
        // given
        Tune t = AbcParser.parse("X:1\nM:2/4\nL:1/8\nK:G\n(3ABc d2|[1 G4:|[2 G2 z2|]\n");
        // when
        List<TuneTiming.Bar> bars = TuneTiming.bars(t);
        // then
        assertEquals(3, bars.size());
        assertTrue(TuneTiming.strictlyValid(t));
    }

    @Test
    void should_transpose_keys_with_fewest_accidentals() {
        assertEquals("Bb", Key.parse("D").transpose(-4).key().toString());
        assertEquals("F#m", Key.parse("Em").transpose(2).key().toString());
        assertEquals(-2, Key.parse("D").transpose(-4).steps());
    }
}
