package dev.tunesmith.catalog.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void should_read_quotes_doubled_quotes_and_newlines_with_start_lines() throws Exception {
        String csv = "a,b,c\n1,\"x, y\",\"he said \"\"hi\"\"\"\n2,\"multi\nline\",z\r\n\n3,,\n";
        try (CsvReader r = new CsvReader(new StringReader(csv), ',')) {
            assertEquals(List.of("a", "b", "c"), r.next().orElseThrow().fields());
            CsvReader.Record one = r.next().orElseThrow();
            assertEquals(List.of("1", "x, y", "he said \"hi\""), one.fields());
            assertEquals(2, one.line());
            CsvReader.Record two = r.next().orElseThrow();
            assertEquals(List.of("2", "multi\nline", "z"), two.fields());
            assertEquals(3, two.line());
            CsvReader.Record three = r.next().orElseThrow();
            assertEquals(List.of("3", "", ""), three.fields());
            assertEquals(6, three.line());
            assertTrue(r.next().isEmpty());
        }
    }

    @Test
    void should_fail_on_an_unterminated_quote_naming_the_line() {
        CsvReader r = new CsvReader(new StringReader("a\n\"open\n"), ',');
        CsvReader.CsvException e = assertThrows(CsvReader.CsvException.class, () -> {
            r.next();
            r.next();
        });
        assertTrue(e.getMessage().contains("line 2"));
    }

    @Test
    void should_treat_quotes_as_text_in_plain_tsv() throws Exception {
        try (CsvReader r = new CsvReader(new StringReader("1\t\"Weird Al\" Yankovic\n"), '\t', false)) {
            assertEquals(List.of("1", "\"Weird Al\" Yankovic"), r.next().orElseThrow().fields());
        }
    }
}
