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

package org.tribuo.nas.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options of one command line, parsed against a command's {@link OptionSpec}s.
 * <p>
 * Options are {@code --name [values...]}; a one-value option can also be written
 * {@code --name=value}. Anything else (an unknown option, a positional argument, a missing value,
 * a non-repeatable option given twice) is a {@link UsageException} naming it.
 */
final class ParsedArguments {

    private final Map<String, List<List<String>>> values;

    private ParsedArguments(Map<String, List<List<String>>> values) {
        this.values = values;
    }

    /**
     * Parses arguments.
     * @param specs The allowed options.
     * @param args The arguments after the command name.
     * @return The parsed options.
     * @throws UsageException naming the offending argument.
     */
    static ParsedArguments parse(List<OptionSpec> specs, List<String> args) throws UsageException {
        Map<String, OptionSpec> byName = new LinkedHashMap<>();
        for (OptionSpec s : specs) {
            byName.put(s.name(), s);
        }
        Map<String, List<List<String>>> out = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException(arg.startsWith("-") ? "unknown option '" + arg + "' (options start with --)"
                        : "unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String inline = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            OptionSpec spec = byName.get(name);
            if (spec == null) {
                throw new UsageException("unknown option '--" + name + "'");
            }
            List<String> given = new ArrayList<>();
            if (inline != null) {
                if (spec.values().size() != 1) {
                    throw new UsageException("option '" + spec.flagText() + "' does not take '=value'"
                            + (spec.values().isEmpty() ? "" : "; use " + spec.synopsis()));
                }
                given.add(inline);
            } else {
                for (String valueName : spec.values()) {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new UsageException("option '" + spec.flagText() + "' needs a value " + valueName
                                + " (" + spec.synopsis() + ")");
                    }
                    given.add(args.get(++i));
                }
            }
            List<List<String>> previous = out.computeIfAbsent(name, k -> new ArrayList<>());
            if (!previous.isEmpty() && !spec.repeatable()) {
                throw new UsageException("option '" + spec.flagText() + "' given more than once");
            }
            previous.add(given);
        }
        return new ParsedArguments(out);
    }

    /** Whether an option (or flag) was given. */
    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The single value of a one-value option, if given. */
    Optional<String> value(String name) {
        List<List<String>> v = values.get(name);
        return v == null ? Optional.empty() : Optional.of(v.get(0).get(0));
    }

    /** The value of a required one-value option. */
    String required(String name) throws UsageException {
        return value(name).orElseThrow(() -> new UsageException("missing required option '--" + name + "'"));
    }

    /** The values of an option with several values, if given. */
    Optional<List<String>> values(String name) {
        List<List<String>> v = values.get(name);
        return v == null ? Optional.empty() : Optional.of(v.get(0));
    }

    /** Every value of a repeatable one-value option, in order. */
    List<String> all(String name) {
        List<String> out = new ArrayList<>();
        for (List<String> v : values.getOrDefault(name, List.of())) {
            out.addAll(v);
        }
        return out;
    }
}
