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

import java.util.List;

/**
 * A subcommand of {@code tribuo-nas}. Its usage text is built from {@link #synopsis()},
 * {@link #description()} and {@link #options()} (the common {@code --help} and {@code --debug}
 * are added by {@link TribuoNasCli}).
 */
interface Command {

    /** The name on the command line, e.g. {@code search}. */
    String name();

    /** One line for the global help. */
    String summary();

    /** The arguments after the command name, e.g. {@code --model FILE}. */
    String synopsis();

    /** What the command does, a few lines. */
    String description();

    /** The command's own options. */
    List<OptionSpec> options();

    /**
     * Runs the command.
     * @param args The parsed options.
     * @param console Where to print, and whether a progress bar may be shown.
     * @return The exit code ({@link TribuoNasCli#EXIT_OK} or {@link TribuoNasCli#EXIT_DIFFERENT}).
     * @throws UsageException If the options do not fit together.
     * @throws Exception On any runtime failure (exit code {@link TribuoNasCli#EXIT_RUNTIME}).
     */
    int run(ParsedArguments args, Console console) throws Exception;
}
