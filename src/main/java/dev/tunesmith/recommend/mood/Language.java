package dev.tunesmith.recommend.mood;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Turns a message as people type it into plain lower-case English the rules can read: emoji become
 * words ("🏋️" → "workout"), accents go, the common music words of Spanish, French, German and
 * Portuguese are translated ("musique douce pour dormir" → "music soft for sleep"), number words
 * become digits ("a dozen" → "12", "twenty-five" → "25"), and misspelt words close to a known one are
 * corrected ("relaxng" → "relaxing"). Known English words (the CMU dictionary shipped for lyrics)
 * are never "corrected", and tell words from gibberish. "No one" naming a person ("no one cares")
 * becomes "nobody", so no reader takes it for a negation.
 *
 * <p>One instance per reader of requests, built over that reader's own words: the offline agent's
 * router words, or the mood parser's vocabulary and the catalogue's tags. A misspelt word is
 * corrected to one of those words only; names the reader knows ({@code names}) are never touched.
 * Both the chat's offline agent and the mood parser behind {@code GET /api/me/recommendations} and
 * {@code POST /api/playlists} read requests through it, so the REST path understands what the chat
 * understands. Thread-safe.
 */
public final class Language {

    /** A normalised message: the English text and whether translation or typo repair took place. */
    public record Text(String original, String text, List<String> tokens, boolean foreign, int unknownWords, int words) {}

    private static final Map<String, String> EMOJI = new LinkedHashMap<>();
    private static final Map<String, String> FOREIGN = new HashMap<>();
    private static final Map<String, String> FOREIGN_WEAK = new HashMap<>();
    private static final Map<String, String> PHRASES = new LinkedHashMap<>();
    private static final Map<String, Integer> NUMBERS = new HashMap<>();
    private static final Map<String, Integer> TENS = new HashMap<>();
    private static volatile Set<String> dictionary;
    /** After these a number word is likely part of a name ("without Nine Inch Nails"), so it stays a word. */
    private static final Set<String> AFTER_NAME = Set.of("no", "without", "by", "except", "not", "but", "from", "more", "like");

    static {
        emoji("workout", "🏋", "💪", "🏃", "🚴", "🤸", "⛹");
        emoji("energetic", "🔥", "⚡", "🚀", "💥");
        emoji("sleep", "😴", "💤", "🛌");
        emoji("party", "🎉", "🥳", "🎊", "🍾", "🪩");
        emoji("dance", "💃", "🕺");
        emoji("rainy", "🌧", "☔", "☂", "🌦");
        emoji("sad", "😢", "😭", "💔", "😞", "😔", "🥺");
        emoji("happy", "😊", "😀", "😁", "😄", "🙂", "☀", "🌞", "🌈", "😎");
        emoji("love", "❤", "😍", "💕", "💖", "😘", "🥰", "💘");
        emoji("road trip", "🚗", "🚙", "🛣");
        emoji("study", "📚", "📖", "✏", "🧠");
        emoji("coffee", "☕");
        emoji("calm", "🧘", "🌊", "🍃", "🌿", "🕯");
        emoji("night", "🌙", "🌃", "🌌", "✨");
        emoji("rock", "🎸", "🤘");
        emoji("piano", "🎹");
        emoji("music", "🎵", "🎶", "🎧", "🎼", "📻");
        emoji("angry", "😡", "😤", "🤬");
        emoji("cooking", "🍳", "🍝", "🍕");
        emoji("beach", "🏖", "🌴", "🏝");
        emoji("gaming", "🎮", "🕹");
        emoji("christmas", "🎄", "🎅");
        emoji("thanks", "🙏", "👍", "👌");
        // whole phrases first (accents already removed)
        phrase("lista de reproduccion", "playlist");
        phrase("j'ai besoin de", "i need");
        phrase("j ai besoin de", "i need");
        phrase("ich brauche", "i need");
        phrase("ich will", "i want");
        phrase("ich mochte", "i want");
        phrase("je veux", "i want");
        phrase("eu quero", "i want");
        phrase("preciso de", "i need");
        phrase("quelque chose", "something");
        phrase("buenos dias", "good morning");
        phrase("buenas noches", "good night");
        phrase("bom dia", "good morning");
        phrase("guten morgen", "good morning");
        phrase("guten tag", "hello");
        phrase("pas de", "no");
        phrase("drum and bass", "drum & bass");
        phrase("drum n bass", "drum & bass");
        phrase("rock and roll", "rock & roll");
        // "an evening of doing nothing": idleness, not a negation of what follows
        for (String idle : List.of("doing nothing", "do nothing", "does nothing", "did nothing")) {
            phrase(idle, "lazy");
        }
        phrase("rock n roll", "rock & roll");
        phrase("r and b", "r&b");
        phrase("hip-hop", "hip hop");
        phrase("lo-fi", "lofi");
        phrase("lo fi", "lofi");
        phrase("leg day", "leg day workout");
        phrase("half a dozen", "6");
        phrase("a dozen", "12");
        phrase("a couple of", "2");
        phrase("a couple", "2");
        phrase("a handful of", "5");
        phrase("a few", "3");
        phrase("a pair of", "2");
        // chat slang
        phrase("w/o", "without");
        phrase("moar", "more");
        phrase("gimme", "give me");
        phrase("wanna", "want to");
        phrase("gonna", "going to");
        phrase("sth", "something");
        phrase("smth", "something");
        phrase("tonite", "tonight");
        phrase("2nite", "tonight");
        phrase("luv", "love");
        phrase("gud", "good");
        phrase("mach es", "make it");
        phrase("hazlo", "make it");
        phrase("hazla", "make it");
        phrase("rends-la", "make it");
        phrase("rends la", "make it");
        phrase("deixa mais", "make it more");
        // unambiguous foreign words
        foreign("music", "musica", "musique", "musik", "muzik");
        foreign("songs", "canciones", "chansons", "lieder", "musicas", "cancoes", "temas", "titres", "morceaux", "stucke", "songs");
        foreign("song", "cancion", "chanson", "lied", "cancao", "morceau");
        foreign("dance", "bailar", "danser", "tanzen", "dancar", "baile", "dansante", "tanz");
        foreign("party", "fiesta", "fete", "festa", "soiree", "fiestas");
        foreign("sleep", "dormir", "schlafen", "sommeil", "einschlafen");
        foreign("study", "estudiar", "etudier", "lernen", "estudar", "estudio", "etude");
        foreign("relaxing", "relajante", "relaxante", "entspannend", "entspannt", "entspannte", "entspannen", "detente", "relajarme",
                "relaxar", "relajar", "relaxe");
        foreign("calm", "tranquila", "tranquilo", "calme", "ruhig", "ruhige", "ruhiges", "calma", "calmo", "tranquille", "sereno");
        foreign("soft", "douce", "doux", "suave", "sanft", "sanfte", "leise", "suaves");
        foreign("sad", "triste", "tristes", "traurig", "traurige", "melancolica", "melancolico", "melancolique");
        foreign("happy", "feliz", "alegre", "heureux", "heureuse", "joyeux", "joyeuse", "glucklich", "frohlich", "frohliche", "felices",
                "gai", "gaie", "alegres", "frohe");
        // "gute Laune", "buen humor", "bonne humeur": a good mood ("bon" stays: Bon Jovi, Bon Iver)
        foreign("good", "gute", "guter", "gutes", "buen", "buena", "bonne");
        foreign("mood", "laune", "humeur");
        foreign("workout", "entrenar", "entrenamiento", "gimnasio", "gym", "treino", "malhar", "academia", "musculation", "sport",
                "fitness", "trainieren", "entrainement");
        foreign("running", "correr", "courir", "laufen", "joggen", "corrida", "footing");
        foreign("without", "sans", "ohne", "keine", "kein", "sem");
        foreign("for", "pour", "fur", "fuer", "zum", "zur");
        foreign("something", "algo", "etwas", "algo");
        foreign("energy", "energia", "energie");
        foreign("energetic", "energica", "energico", "energique", "energetique", "energiegeladen", "energetica", "energetico", "animada",
                "animado", "animee", "schwungvoll");
        foreign("fast", "rapida", "rapido", "rapide", "schnell", "schnelle", "schnelles");
        foreign("slow", "lenta", "lento", "lente", "langsam", "langsame", "lentas");
        foreign("night", "noche", "nuit", "nacht", "noite");
        foreign("morning", "manana", "matin", "manha", "morgens");
        foreign("rainy", "lluvia", "lluvioso", "pluie", "pluvieux", "regen", "regnerisch", "chuva", "chuvoso");
        foreign("work", "trabajar", "travailler", "arbeiten", "trabalhar", "travail", "trabajo", "arbeit", "trabalho");
        foreign("focus", "concentrarme", "concentracion", "concentration", "konzentration", "konzentrieren", "concentracao", "concentrer");
        foreign("romantic", "romantica", "romantico", "romantique", "romantisch", "romantische");
        foreign("lyrics", "letra", "letras", "paroles", "songtext", "liedtext");
        foreign("write", "escribe", "escribir", "ecris", "ecrire", "schreib", "schreibe", "escreve", "escrever", "redige");
        foreign("melody", "melodia", "melodie");
        foreign("hello", "hola", "bonjour", "salut", "hallo", "ola", "oi", "servus", "moin", "ciao", "buenas", "coucou");
        foreign("thanks", "gracias", "merci", "danke", "obrigado", "obrigada", "grazie", "dankeschon");
        foreign("more", "mas", "mehr", "mais");
        foreign("less", "menos", "moins", "weniger");
        foreign("another", "otra", "otro", "autre", "andere", "anderes", "outra", "outro");
        foreign("remove", "quita", "quitar", "enleve", "enlever", "entferne", "tira", "tirar", "supprime");
        foreign("add", "anade", "agrega", "agregar", "anadir", "ajoute", "ajouter", "ajoutez", "hinzufugen", "fuge", "adiciona", "adicione",
                "acrescenta", "acrescente");
        foreign("calmer", "ruhiger", "entspannter", "sanfter", "tranquilo", "calmado");
        foreign("happier", "frohlicher", "glucklicher", "frohlichere");
        foreign("faster", "schneller");
        foreign("slower", "langsamer");
        foreign("sadder", "trauriger");
        foreign("play", "ponme", "pon", "mets", "spiel", "spiele", "toca", "coloca", "joue");
        foreign("give me", "dame", "donne-moi", "donnez-moi", "gib", "da-me");
        foreign("trip", "viaje", "voyage", "reise", "viagem");
        foreign("car", "coche", "voiture", "carro");
        foreign("driving", "conducir", "conduire", "fahren", "dirigir");
        foreign("cooking", "cocinar", "cuisiner", "kochen", "cozinhar");
        foreign("dinner", "cena", "diner", "abendessen", "jantar");
        foreign("summer", "verano", "ete", "sommer", "verao");
        foreign("love", "amor", "amour", "liebe");
        foreign("please", "bitte", "porfa", "stp", "svp");
        foreign("songs", "tracks");
        foreign("heartbreak", "desamor");
        foreign("beach", "playa", "plage", "strand", "praia");
        foreign("upbeat", "movida", "bewegt");
        foreign("quiet", "silencioso", "calmes", "stille");
        // positions in a list ("quita la tercera", "enlève la deuxième", "entferne das dritte")
        foreign("first", "primera", "primero", "premiere", "premier", "erste", "ersten", "erstes", "primeira", "primeiro");
        foreign("second", "deuxieme", "zweite", "zweiten", "zweites");
        foreign("third", "tercera", "tercero", "troisieme", "dritte", "dritten", "drittes", "terceira", "terceiro");
        foreign("fourth", "cuarta", "quatrieme", "vierte", "vierten", "viertes");
        foreign("fifth", "cinquieme", "funfte", "funften", "funftes");
        foreign("last", "ultima", "ultimo", "derniere", "dernier", "letzte", "letzten", "letztes");
        foreign("swap", "cambia", "cambiar", "remplace", "remplacer", "ersetze", "tausche", "troca", "trocar", "substitui");
        // foreign words that are also English (or other) words: translated only in a message that is foreign anyway
        weak("for", "para", "por");
        weak("without", "sin");
        weak("with", "con", "avec", "mit", "com");
        weak("quiet", "leise");
        weak("more", "plus");
        weak("some", "unos", "unas", "des", "einige", "uns", "umas");
        weak("a", "un", "une", "una", "ein", "eine", "um", "uma");
        weak("the", "el", "la", "los", "las", "le", "les", "der", "die", "das", "o", "os", "as");
        weak("and", "y", "et", "und", "e");
        weak("of", "de", "du", "von", "do", "da");
        weak("i", "je", "ich", "eu", "yo");
        weak("to", "zu", "pra");
        weak("very", "muy", "sehr", "muito");
        weak("me", "moi", "mich", "mir");
        weak("no", "nada", "pas");
        weak("in", "en", "im", "na");
        weak("dance", "dancer");
        weak("second", "segunda", "segundo");
        weak("fourth", "quarta", "quarto", "cuarto");
        weak("fifth", "quinta", "quinto", "quinte");
        weak("song", "cancion", "chanson", "lied", "musica");
        weak("like", "como", "comme", "wie");
        weak("playlist", "liste", "lista");
        int[] small = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19};
        String[] names = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
        for (int i = 0; i < names.length; i++) {
            NUMBERS.put(names[i], small[i]);
        }
        NUMBERS.put("dozen", 12);
        String[] tens = {"twenty", "thirty", "forty", "fourty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        for (int i = 0; i < tens.length; i++) {
            TENS.put(tens[i], tens[i].equals("fourty") ? 40 : (i < 3 ? i + 2 : i + 1) * 10);
        }
        TENS.put("forty", 40);
        TENS.put("fifty", 50);
        TENS.put("sixty", 60);
        TENS.put("seventy", 70);
        TENS.put("eighty", 80);
        TENS.put("ninety", 90);
        String[][] foreignNumbers = {
                {"dos", "2"}, {"tres", "3"}, {"cuatro", "4"}, {"cinco", "5"}, {"seis", "6"}, {"siete", "7"}, {"ocho", "8"}, {"nueve", "9"},
                {"diez", "10"}, {"doce", "12"}, {"quince", "15"}, {"veinte", "20"}, {"treinta", "30"}, {"cuarenta", "40"},
                {"deux", "2"}, {"trois", "3"}, {"quatre", "4"}, {"cinq", "5"}, {"sept", "7"}, {"huit", "8"}, {"neuf", "9"}, {"dix", "10"},
                {"douze", "12"}, {"quinze", "15"}, {"vingt", "20"}, {"trente", "30"}, {"quarante", "40"},
                {"zwei", "2"}, {"drei", "3"}, {"vier", "4"}, {"funf", "5"}, {"sechs", "6"}, {"sieben", "7"}, {"acht", "8"},
                {"neun", "9"}, {"zehn", "10"}, {"zwolf", "12"}, {"funfzehn", "15"}, {"zwanzig", "20"}, {"dreissig", "30"},
                {"dois", "2"}, {"duas", "2"}, {"quatro", "4"}, {"sete", "7"}, {"oito", "8"}, {"nove", "9"}, {"dez", "10"},
                {"doze", "12"}, {"vinte", "20"}, {"trinta", "30"}};
        for (String[] f : foreignNumbers) {
            FOREIGN_WEAK.put(f[0], f[1]);
        }
    }

    private final Set<String> vocabulary;
    private final Set<String> names;
    private final List<String> correctable;

    /**
     * @param vocabulary the reader's own words: known as they are, and the only targets of a correction
     * @param names further words known as they are and never corrected (artist and tag names)
     */
    public Language(Collection<String> vocabulary, Collection<String> names) {
        this.vocabulary = Set.copyOf(vocabulary);
        this.names = Set.copyOf(names);
        correctable = this.vocabulary.stream().filter(w -> w.length() >= 4 && w.matches("[a-z]+")).sorted().toList();
    }

    private static void emoji(String word, String... glyphs) {
        for (String g : glyphs) {
            EMOJI.put(g, word);
        }
    }

    private static void phrase(String from, String to) {
        PHRASES.put(from, to);
    }

    private static void foreign(String english, String... words) {
        for (String w : words) {
            FOREIGN.putIfAbsent(w, english);
        }
    }

    private static void weak(String english, String... words) {
        for (String w : words) {
            FOREIGN_WEAK.putIfAbsent(w, english);
        }
    }

    private static final Pattern TOKEN = Pattern.compile("[a-z0-9]+(?:['’.:/&+-][a-z0-9]+)*|[#&%<>=+?!,;.]|-");
    private static final Pattern WORD = Pattern.compile("[a-z]+");
    private static final Pattern CLAUSE_MARK = Pattern.compile("[,;.!?]");

    /** Lower case, accents removed, apostrophes and dashes made plain: the form {@link #normalise} compares words in. */
    private static String fold(String s) {
        String t = s.replace('’', '\'').replace('‘', '\'').replace('–', '-');
        return Normalizer.normalize(t, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace("ß", "ss").toLowerCase(Locale.ROOT);
    }

    /**
     * A name as {@link #normalise} leaves it in a message, with nothing translated, corrected or
     * counted: folded ({@link #fold}) and split into the same words, without the punctuation that ends a
     * clause ("Guns N' Roses" → "guns n roses", "Björk" → "bjork"), so a name can be found in a clause of
     * normalised text.
     */
    public static String words(String name) {
        Matcher m = TOKEN.matcher(fold(name == null ? "" : name));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            if (!CLAUSE_MARK.matcher(m.group()).matches()) {
                out.add(m.group());
            }
        }
        return String.join(" ", out);
    }

    /**
     * "no one cares", "no-one gets me": a person, not a negation, so it reads as "nobody" (followed by
     * anything else, "no one direction", it still negates).
     */
    public static final Pattern NO_ONE = Pattern.compile("\\bno[ -]one(?=\\s+(?:cares|cared|gets|got|understands|loves|loved|"
            + "likes|knows|wants|needs|listens|is|was|will|can|could|would|else|around|left|here|to|at all)\\b)");
    /** A word with a letter three or more times in a row ("saaad", "happyyy", "soooo"). */
    private static final Pattern ELONGATED = Pattern.compile("\\p{L}*(\\p{L})\\1{2,}\\p{L}*");

    /**
     * An elongated word shortened: each run to two letters ("cooool" → "cool") or, when that is not a word
     * and one letter makes one of the reader's words or a dictionary word, to one ("saaad" → "sad", not the
     * name "saad"; "happyyy" → "happy").
     */
    private String shortened(String w) {
        String two = w.replaceAll("(\\p{L})\\1{2,}", "$1$1");
        String one = w.replaceAll("(\\p{L})\\1{2,}", "$1");
        if (vocabulary.contains(one) && !vocabulary.contains(two)) {
            return one;
        }
        return known(two) || !known(one) ? two : one;
    }

    /** Normalises a message (see the class comment). */
    public Text normalise(String message) {
        String s = message == null ? "" : message;
        for (var e : EMOJI.entrySet()) {
            if (s.contains(e.getKey())) {
                s = s.replace(e.getKey(), " " + e.getValue() + " ");
            }
        }
        s = fold(s.replace('“', '"').replace('”', '"').replace('—', ','));
        s = s.replaceAll("[\\p{So}\\p{Cs}\\x{FE0F}\\x{200D}]", " ");
        s = s.replaceAll("([!?.])\\1+", "$1");
        s = ELONGATED.matcher(s).replaceAll(r -> Matcher.quoteReplacement(shortened(r.group())));
        for (var e : PHRASES.entrySet()) {
            if (s.contains(e.getKey())) {
                s = s.replaceAll("\\b" + Pattern.quote(e.getKey()) + "\\b", e.getValue());
            }
        }
        s = NO_ONE.matcher(s).replaceAll("nobody");
        Matcher m = TOKEN.matcher(s);
        List<String> raw = new ArrayList<>();
        while (m.find()) {
            raw.add(m.group());
        }
        int unknownForeign = 0;
        int foreignWords = 0;
        for (String w : raw) {
            String f = foreignKey(w);
            if (f != null && !COMMON.contains(f)) {
                foreignWords++;
                if (!known(f)) {
                    unknownForeign++;
                }
            }
        }
        boolean foreign = unknownForeign > 0 || foreignWords >= 2;
        List<String> out = new ArrayList<>();
        int unknown = 0;
        int words = 0;
        for (String w : raw) {
            String t = w;
            String fk = foreignKey(t);
            if (fk != null && (foreign || !known(t))) {
                t = FOREIGN.get(fk);
            } else if (foreign && FOREIGN_WEAK.containsKey(t)) {
                t = FOREIGN_WEAK.get(t);
            }
            if (WORD.matcher(t).matches()) {
                words++;
                if (!known(t)) {
                    String fixed = correct(t);
                    if (fixed != null) {
                        t = fixed;
                    } else {
                        unknown++;
                    }
                }
            }
            out.addAll(List.of(t.split(" ")));
        }
        List<String> numbered = numbers(out);
        for (int i = numbered.size() - 2; i >= 0; i--) {
            if (numbered.get(i).equals("#") && numbered.get(i + 1).matches("\\d{1,3}")) {
                numbered.set(i, "#" + numbered.remove(i + 1));
            }
        }
        return new Text(message == null ? "" : message, String.join(" ", numbered).replaceAll(" ([,;.!?])", "$1"), numbered, foreign,
                unknown, words);
    }

    /** Words that are the same in English: they do not make a message foreign. */
    private static final Set<String> COMMON = Set.of("songs", "tracks", "gym", "sport", "fitness", "party", "lied");

    /** The dictionary form of a foreign word: as typed, or without a plural/feminine ending ("joyeuses" → "joyeux"? no: "joyeuse"). */
    private static String foreignKey(String w) {
        if (FOREIGN.containsKey(w)) {
            return w;
        }
        if (w.length() > 4) {
            for (String end : new String[] {"s", "es", "en", "e", "n"}) {
                String stem = w.endsWith(end) ? w.substring(0, w.length() - end.length()) : null;
                if (stem != null && FOREIGN.containsKey(stem)) {
                    return stem;
                }
            }
        }
        return null;
    }

    /**
     * Every number word of space-separated words as digits, "one" included ("twenty one pilots" →
     * "21 pilots", "one direction" → "1 direction"): a canonical form for comparing names, where the
     * reader ({@link #numbers}) may have written some of a name's number words as digits and kept
     * others.
     */
    public static String digits(String words) {
        String[] w = words.split(" ");
        List<String> out = new ArrayList<>(w.length);
        for (int i = 0; i < w.length; i++) {
            Integer tens = TENS.get(w[i]);
            Integer unit = w[i].equals("dozen") ? null : NUMBERS.get(w[i]);
            if (tens != null) {
                Integer next = i + 1 < w.length ? NUMBERS.get(w[i + 1]) : null;
                if (next != null && next > 0 && next < 10) {
                    tens += next;
                    i++;
                }
                out.add(String.valueOf(tens));
            } else {
                out.add(unit != null ? String.valueOf(unit) : w[i]);
            }
        }
        return String.join(" ", out);
    }

    /** "twenty five" → "25", "a dozen" was a phrase already; "one" stays a word (it is usually a pronoun). */
    private static List<String> numbers(List<String> in) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            String w = in.get(i);
            String[] hy = w.split("-");
            if (hy.length == 2 && TENS.containsKey(hy[0]) && NUMBERS.containsKey(hy[1]) && NUMBERS.get(hy[1]) < 10) {
                out.add(String.valueOf(TENS.get(hy[0]) + NUMBERS.get(hy[1])));
                continue;
            }
            if (TENS.containsKey(w) && !AFTER_NAME.contains(out.isEmpty() ? "" : out.get(out.size() - 1))) {
                int v = TENS.get(w);
                if (i + 1 < in.size() && NUMBERS.containsKey(in.get(i + 1)) && NUMBERS.get(in.get(i + 1)) > 0 && NUMBERS.get(in.get(i + 1)) < 10) {
                    v += NUMBERS.get(in.get(++i));
                }
                out.add(String.valueOf(v));
                continue;
            }
            if (w.equals("hundred") && !out.isEmpty() && out.get(out.size() - 1).matches("\\d")) {
                out.set(out.size() - 1, String.valueOf(Integer.parseInt(out.get(out.size() - 1)) * 100));
                continue;
            }
            if (w.equals("hundred") && !out.isEmpty() && out.get(out.size() - 1).equals("a")) {
                out.set(out.size() - 1, "100");
                continue;
            }
            String prev = out.isEmpty() ? "" : out.get(out.size() - 1);
            if (NUMBERS.containsKey(w) && !w.equals("one") && !w.equals("zero") && !AFTER_NAME.contains(prev)) {
                out.add(String.valueOf(NUMBERS.get(w)));
                continue;
            }
            out.add(w);
        }
        return out;
    }

    /** Whether {@code w} is an English word (CMU dictionary), one of the reader's words or a name it knows. */
    public boolean known(String w) {
        return vocabulary.contains(w) || names.contains(w) || dictionary().contains(w);
    }

    /** The nearest of the reader's words within one edit (two for long words), or null. */
    public String correct(String w) {
        if (w.length() < 4) {
            return null;
        }
        int limit = w.length() >= 7 ? 2 : 1;
        String best = null;
        int bestD = limit + 1;
        for (String c : correctable) {
            if (Math.abs(c.length() - w.length()) > limit || c.charAt(0) != w.charAt(0) && limit == 1) {
                continue;
            }
            int d = osa(w, c, limit);
            // on a tie prefer the longer word: a dropped letter is the commonest typo ("calmr" → "calmer")
            if (d < bestD || (d == bestD && best != null && c.length() > best.length() && c.length() > w.length())) {
                bestD = d;
                best = c;
            }
        }
        return best;
    }

    /** Optimal string alignment distance, giving up above {@code limit}. */
    static int osa(String a, String b, int limit) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
        }
        return d[n][m];
    }

    /** The English word list (the CMU dictionary), loaded once: a blocking read the first time. */
    public static Set<String> dictionary() {
        Set<String> d = dictionary;
        if (d == null) {
            synchronized (Language.class) {
                d = dictionary;
                if (d == null) {
                    d = load();
                    dictionary = d;
                }
            }
        }
        return d;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(140_000);
        try (InputStream in = Language.class.getClassLoader().getResourceAsStream("lyrics/cmudict.tsv.gz")) {
            if (in == null) {
                return words;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                int tab = line.indexOf('\t');
                String w = tab < 0 ? line : line.substring(0, tab);
                if (w.length() > 1 || w.equals("a") || w.equals("i")) {
                    words.add(w);
                }
            }
        } catch (IOException e) {
            // without the dictionary only the router's own words count as known
        }
        return words;
    }
}
