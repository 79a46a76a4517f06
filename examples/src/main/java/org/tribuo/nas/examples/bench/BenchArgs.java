/*
 * Copyright (c) 2026 tribuo-nas authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package org.tribuo.nas.examples.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A benchmark's command line: {@code --name value} pairs restricted to the options the benchmark
 * knows, plus {@code --help} (or {@code -h}). A flag option may also stand alone, meaning true, as
 * the PyTorch twins' flags do. Every malformed input throws an {@link IllegalArgumentException}
 * whose message the benchmark prints above its usage.
 */
final class BenchArgs {

    private final Map<String, String> values;
    private final boolean help;

    private BenchArgs(Map<String, String> values, boolean help) {
        this.values = values;
        this.help = help;
    }

    /**
     * Parses a command line.
     * @param args The arguments.
     * @param options The option names accepted, without the leading {@code --}.
     * @param flags The options among them that may stand alone (followed by nothing or by another option).
     * @return The parsed arguments.
     * @throws IllegalArgumentException If an argument is not part of a {@code --name value} pair or
     *                                  names an unknown option.
     */
    static BenchArgs parse(String[] args, List<String> options, Set<String> flags) {
        Map<String, String> values = new LinkedHashMap<>();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                help = true;
                continue;
            }
            if (args[i].startsWith("--") && flags.contains(args[i].substring(2))
                    && (i + 1 >= args.length || args[i + 1].startsWith("--"))) {
                values.put(args[i].substring(2), "true");
                continue;
            }
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
            }
            String name = args[i].substring(2);
            if (!options.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            values.put(name, args[++i]);
        }
        return new BenchArgs(values, help);
    }

    /**
     * Whether {@code --help} or {@code -h} was given.
     * @return True if the usage was asked for.
     */
    boolean help() {
        return help;
    }

    /**
     * An option's value.
     * @param name The option name.
     * @param fallback The value when the option is absent.
     * @return The value.
     */
    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /**
     * An integer option.
     * @param name The option name.
     * @param fallback The value when the option is absent (not checked against {@code min}).
     * @param min The smallest value accepted.
     * @return The value.
     * @throws IllegalArgumentException If the value is not an integer or is below {@code min}.
     */
    int getInt(String name, int fallback, int min) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " expects an integer, got '" + v + "'", e);
        }
        if (value < min) {
            throw new IllegalArgumentException("--" + name + " must be at least " + min + ", got " + value);
        }
        return value;
    }

    /**
     * A boolean option, false when absent.
     * @param name The option name.
     * @return The value.
     * @throws IllegalArgumentException If the value is neither {@code true} nor {@code false}.
     */
    boolean getBoolean(String name) {
        String v = values.getOrDefault(name, "false");
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("--" + name + " expects true or false, got '" + v + "'");
        }
        return Boolean.parseBoolean(v);
    }
}
