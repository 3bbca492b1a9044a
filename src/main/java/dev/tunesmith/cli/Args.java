package dev.tunesmith.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one command-line parser of every {@code ./tunesmith} command and benchmark: {@code --name value}
 * options and {@code --flag} switches declared up front, positional arguments in order, strict
 * (an unknown option, a missing value or a malformed number is a {@link UsageException} naming it),
 * and {@code --help} on every command.
 *
 * <pre>{@code
 * Args a = Args.command("eval", "offline evaluation on HetRec Last.fm 2K")
 *         .option("data", "DIR", "data folder").flag("no-hybrid", "skip the hybrid").parse(argv);
 * }</pre>
 */
public final class Args {

    /** Thrown for {@code --help}: the message is the command's help text (exit status 0). */
    public static final class HelpRequested extends RuntimeException {
        HelpRequested(String help) {
            super(help, null, false, false);
        }
    }

    /** A command's declared options; {@link #parse} reads an argument list against them. */
    public static final class Spec {
        private record Option(String name, String value, String help) {}

        private final String command;
        private final String summary;
        private final Map<String, Option> options = new LinkedHashMap<>();
        private final List<String[]> positionals = new ArrayList<>();

        private Spec(String command, String summary) {
            this.command = command;
            this.summary = summary;
        }

        /** An option taking a value, e.g. {@code --data DIR}. */
        public Spec option(String name, String valueName, String help) {
            options.put(name, new Option(name, valueName, help));
            return this;
        }

        /** A switch without a value, e.g. {@code --spark}. */
        public Spec flag(String name, String help) {
            options.put(name, new Option(name, null, help));
            return this;
        }

        /** Several options that take a value, documented by name only. */
        public Spec values(String... names) {
            for (String n : names) {
                option(n, "VALUE", "");
            }
            return this;
        }

        /** A positional argument (documented; the parser keeps every positional in order). */
        public Spec positional(String name, String help) {
            positionals.add(new String[] {name, help});
            return this;
        }

        public String help() {
            StringBuilder sb = new StringBuilder("Usage: ./tunesmith ").append(command);
            positionals.forEach(p -> sb.append(' ').append(p[0]));
            if (!options.isEmpty()) {
                sb.append(" [options]");
            }
            sb.append("\n  ").append(summary).append('\n');
            for (String[] p : positionals) {
                sb.append(String.format(Locale.ROOT, "  %-26s %s%n", p[0], p[1]));
            }
            for (Option o : options.values()) {
                String left = "--" + o.name + (o.value == null ? "" : " " + o.value);
                sb.append(String.format(Locale.ROOT, "  %-26s %s%n", left, o.help));
            }
            sb.append(String.format(Locale.ROOT, "  %-26s %s%n", "--help", "this text"));
            return sb.toString();
        }

        public Args parse(List<String> argv) {
            Map<String, String> values = new HashMap<>();
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < argv.size(); i++) {
                String a = argv.get(i);
                if (a.equals("--help") || a.equals("-h")) {
                    throw new HelpRequested(help());
                }
                if (!a.startsWith("--")) {
                    rest.add(a);
                    continue;
                }
                String name = a.substring(2);
                String inline = null;
                int eq = name.indexOf('=');
                if (eq > 0) {
                    inline = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                Option o = options.get(name);
                if (o == null) {
                    throw new UsageException(command + ": unknown option '--" + name + "'"
                            + (options.isEmpty() ? " (it takes none)" : "; expected one of --" + String.join(", --", options.keySet())));
                }
                if (o.value == null) {
                    if (inline != null) {
                        throw new UsageException(command + ": --" + name + " takes no value");
                    }
                    values.put(name, "true");
                } else if (inline != null) {
                    values.put(name, inline);
                } else if (i + 1 < argv.size() && !argv.get(i + 1).startsWith("--")) {
                    values.put(name, argv.get(++i));
                } else {
                    throw new UsageException(command + ": --" + name + " needs a value (" + o.value + ")");
                }
            }
            return new Args(command, values, rest);
        }
    }

    private final String command;
    private final Map<String, String> values;
    private final List<String> positionals;

    private Args(String command, Map<String, String> values, List<String> positionals) {
        this.command = command;
        this.values = Map.copyOf(values);
        this.positionals = List.copyOf(positionals);
    }

    public static Spec command(String command, String summary) {
        return new Spec(command, summary);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String get(String name, String def) {
        return values.getOrDefault(name, def);
    }

    public int getInt(String name, int def) {
        String v = values.get(name);
        try {
            return v == null ? def : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": --" + name + " must be an integer, got '" + v + "'");
        }
    }

    public long getLong(String name, long def) {
        String v = values.get(name);
        try {
            return v == null ? def : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": --" + name + " must be an integer, got '" + v + "'");
        }
    }

    public double getDouble(String name, double def) {
        String v = values.get(name);
        try {
            double d = v == null ? def : Double.parseDouble(v.trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": --" + name + " must be a number, got '" + v + "'");
        }
    }

    /** Positional arguments in order. */
    public List<String> positionals() {
        return positionals;
    }

    /** Every option given, as strings (for code that takes an override map). */
    public Map<String, String> asMap() {
        return values;
    }
}
