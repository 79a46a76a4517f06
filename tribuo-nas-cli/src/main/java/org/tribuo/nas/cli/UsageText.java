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
import java.util.List;
import java.util.Locale;

/**
 * Builds the usage texts of the command line from the commands and their {@link OptionSpec}s.
 */
final class UsageText {

    /** The program name shown in usage texts. */
    static final String PROGRAM = "tribuo-nas";

    private UsageText() {}

    /**
     * The global usage.
     * @param commands The commands.
     * @return The text.
     */
    static String global(List<Command> commands) {
        StringBuilder sb = new StringBuilder();
        sb.append("Usage: ").append(PROGRAM).append(" [--debug] [--online] COMMAND [OPTIONS]\n");
        sb.append("       ").append(PROGRAM).append(" COMMAND --help\n\n");
        sb.append("GAEA neural architecture search for Tribuo (NAS-Bench-201 cells, DJL + PyTorch).\n\n");
        sb.append("Commands:\n");
        for (Command c : commands) {
            sb.append(String.format(Locale.ROOT, "  %-10s  %s%n", c.name(), c.summary()));
        }
        sb.append("\nGlobal options:\n");
        sb.append(String.format(Locale.ROOT, "  %-10s  %s%n", "--help", "show this help ('" + PROGRAM + " help COMMAND' for a command's)"));
        sb.append(String.format(Locale.ROOT, "  %-10s  %s%n", "--debug", "print stack traces of errors, and tribuo-nas log messages"));
        sb.append(String.format(Locale.ROOT, "  %-10s  %s%n", "--online", "let DJL download the PyTorch natives it needs, e.g. CUDA ones (default: offline)"));
        sb.append(String.format(Locale.ROOT, "  %-10s  %s%n", "--version", "print the version and exit"));
        sb.append("\nExample:\n  ").append(PROGRAM).append(" search --config examples/config/fashion-mnist.xml --set trainer.seed=2\n");
        sb.append("\n").append(exitCodes());
        return sb.toString();
    }

    /**
     * The usage of one command.
     * @param command The command.
     * @param common Options every command accepts.
     * @return The text.
     */
    static String of(Command command, List<OptionSpec> common) {
        StringBuilder sb = new StringBuilder();
        sb.append("Usage: ").append(PROGRAM).append(' ').append(command.name()).append(' ')
                .append(command.synopsis()).append("\n\n");
        sb.append(command.description().stripTrailing()).append("\n\nOptions:\n");
        List<OptionSpec> all = new ArrayList<>(command.options());
        all.addAll(common);
        int width = 0;
        for (OptionSpec o : all) {
            width = Math.max(width, o.synopsis().length());
        }
        for (OptionSpec o : all) {
            sb.append(String.format(Locale.ROOT, "  %-" + width + "s  %s%n", o.synopsis(), o.description()));
        }
        sb.append('\n').append(exitCodes());
        return sb.toString();
    }

    private static String exitCodes() {
        return "Exit codes: 0 success, 1 reproduction differs, 2 usage error, 3 runtime error.\n";
    }
}
