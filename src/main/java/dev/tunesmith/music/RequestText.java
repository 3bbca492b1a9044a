package dev.tunesmith.music;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the numbers a creator writes in a request, in digits or words, with or without a hyphen:
 * "12 lines", "a 12-line song", "twelve lines", "sixteen-bar", "twenty-four bars", "a dozen lines".
 * Shared by every parser of creation requests (the chat's intent router, the CLI).
 */
public final class RequestText {

    private static final List<String> UNITS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen");
    private static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fifty", 50, "sixty", 60);
    private static final String WORD = "(?:(?:twenty|thirty|forty|fifty|sixty)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
            + "|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine|ten"
            + "|a dozen|dozen|a couple of|a pair of|single)";

    private RequestText() {}

    /**
     * The count in front of a unit ({@code unit} is a regex such as {@code "lines?"} or {@code "(?:bars?|measures?)"}),
     * e.g. {@code count("a twelve-line song", "lines?")} is 12.
     */
    public static Optional<Integer> count(String text, String unit) {
        Pattern p = Pattern.compile("(?i)\\b(\\d{1,3}|" + WORD + ")\\s*-?\\s*" + unit + "\\b");
        Matcher m = p.matcher(text);
        return m.find() ? Optional.ofNullable(value(m.group(1))) : Optional.empty();
    }

    /** A number in digits or words ("24", "twenty-four", "a dozen"), or null. */
    public static Integer value(String raw) {
        String s = raw.toLowerCase(java.util.Locale.ROOT).strip().replace('-', ' ');
        if (s.matches("\\d+")) {
            return Integer.parseInt(s);
        }
        switch (s) {
            case "a dozen", "dozen" -> {
                return 12;
            }
            case "a couple of", "a pair of" -> {
                return 2;
            }
            case "single" -> {
                return 1;
            }
            default -> { }
        }
        String[] parts = s.split("\\s+");
        int total = 0;
        for (String part : parts) {
            if (TENS.containsKey(part)) {
                total += TENS.get(part);
            } else if (UNITS.contains(part)) {
                total += UNITS.indexOf(part);
            } else {
                return null;
            }
        }
        return total;
    }
}
