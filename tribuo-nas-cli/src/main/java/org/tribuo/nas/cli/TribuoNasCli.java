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

import com.oracle.labs.mlrg.olcut.config.PropertyException;

import org.tribuo.nas.TribuoNasVersion;
import org.tribuo.nas.repro.ReproductionException;
import org.tribuo.nas.runtime.DjlRuntime;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code tribuo-nas} command line: {@code search}, {@code sweep}, {@code evaluate}, {@code describe},
 * {@code reproduce} and {@code doctor}. Run {@code tribuo-nas --help} or
 * {@code tribuo-nas COMMAND --help}.
 * <p>
 * DJL's offline mode is on by default (nothing is downloaded); {@code -Dai.djl.offline=false}
 * or the global option {@code --online} lets DJL fetch the PyTorch natives that match the
 * machine, e.g. the CUDA ones.
 * <p>
 * Exit codes: {@value #EXIT_OK} success, {@value #EXIT_DIFFERENT} a reproduction differs,
 * {@value #EXIT_USAGE} usage error (message and usage on stderr), {@value #EXIT_RUNTIME} runtime
 * error (message on stderr; the stack trace with {@code --debug}).
 */
public final class TribuoNasCli {

    /** Exit code: success. */
    public static final int EXIT_OK = 0;
    /** Exit code: a comparison (reproduction) failed. */
    public static final int EXIT_DIFFERENT = 1;
    /** Exit code: the command line is wrong. */
    public static final int EXIT_USAGE = 2;
    /** Exit code: the command failed at run time. */
    public static final int EXIT_RUNTIME = 3;

    /** DJL's offline switch. */
    static final String OFFLINE = "ai.djl.offline";

    /** Held strongly, so the level set here is not lost to garbage collection. */
    private static final Logger NAS_LOGGER = Logger.getLogger("org.tribuo.nas");

    private static final OptionSpec HELP = OptionSpec.flag("help", "show this help");
    private static final OptionSpec DEBUG = OptionSpec.flag("debug", "print stack traces of errors, and tribuo-nas log messages");
    private static final List<OptionSpec> COMMON = List.of(HELP, DEBUG);

    private TribuoNasCli() {}

    /**
     * Runs the command line and exits with its exit code.
     * @param args The arguments.
     */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /**
     * Runs the command line without exiting.
     * @param args The arguments.
     * @param out Where results go.
     * @param err Where errors (and, on an interactive terminal, progress bars) go.
     * @return The exit code.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<Command> commands = commands();
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        boolean debug = false;
        boolean online = false;
        while (!rest.isEmpty() && rest.get(0).startsWith("-")) {
            String option = rest.remove(0);
            if (option.equals("--help") || option.equals("-h")) {
                out.print(UsageText.global(commands));
                return EXIT_OK;
            } else if (option.equals("--version")) {
                out.println(UsageText.PROGRAM + " " + TribuoNasVersion.VERSION + " (Java " + Runtime.version() + ")");
                return EXIT_OK;
            } else if (option.equals("--debug")) {
                debug = true;
            } else if (option.equals("--online")) {
                online = true;
            } else {
                return usageError(err, "unknown option '" + option + "'", UsageText.global(commands));
            }
        }
        if (rest.isEmpty()) {
            return usageError(err, "missing COMMAND", UsageText.global(commands));
        }
        if (online) {
            System.setProperty(OFFLINE, "false");
        } else {
            DjlRuntime.preferOffline();
        }
        String name = rest.remove(0);
        if (name.equals("help")) {
            if (rest.isEmpty()) {
                out.print(UsageText.global(commands));
                return EXIT_OK;
            }
            Command c = find(commands, rest.get(0));
            if (c == null) {
                return usageError(err, "unknown command '" + rest.get(0) + "'", UsageText.global(commands));
            }
            out.print(UsageText.of(c, COMMON));
            return EXIT_OK;
        }
        Command command = find(commands, name);
        if (command == null) {
            return usageError(err, "unknown command '" + name + "'", UsageText.global(commands));
        }
        if (rest.contains("--help") || rest.contains("-h")) {
            out.print(UsageText.of(command, COMMON));
            return EXIT_OK;
        }
        String usage = UsageText.of(command, COMMON);
        List<OptionSpec> specs = new ArrayList<>(command.options());
        specs.addAll(COMMON);
        ParsedArguments parsed;
        try {
            parsed = ParsedArguments.parse(specs, rest);
        } catch (UsageException e) {
            return usageError(err, command.name() + ": " + e.getMessage(), usage);
        }
        debug |= parsed.has(DEBUG.name());
        Level previous = NAS_LOGGER.getLevel();
        if (!debug) {
            NAS_LOGGER.setLevel(Level.WARNING);
        }
        try {
            boolean bar = err == System.err && System.console() != null;
            return command.run(parsed, new Console(out, err, bar, debug));
        } catch (UsageException e) {
            return usageError(err, command.name() + ": " + e.getMessage(), usage);
        } catch (Exception | LinkageError | AssertionError | OutOfMemoryError e) {
            out.flush();
            err.println(UsageText.PROGRAM + " " + command.name() + ": error: " + describe(e));
            if (debug) {
                e.printStackTrace(err);
            } else {
                err.println("(run with --debug for the stack trace)");
            }
            return EXIT_RUNTIME;
        } finally {
            NAS_LOGGER.setLevel(previous);
        }
    }

    private static List<Command> commands() {
        return List.of(new SearchCommand(), new SweepCommand(), new EvaluateCommand(), new DescribeCommand(), new ReproduceCommand(),
                new ExportCommand(), new DoctorCommand());
    }

    private static Command find(List<Command> commands, String name) {
        for (Command c : commands) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static int usageError(PrintStream err, String message, String usage) {
        err.println(UsageText.PROGRAM + ": " + message);
        err.println();
        err.print(usage);
        return EXIT_USAGE;
    }

    /**
     * A one-line description of a failure: its message (with the class name for unexpected kinds
     * of failure) and the messages of its causes that add something.
     */
    static String describe(Throwable e) {
        boolean expected = e instanceof IOException || e instanceof UncheckedIOException || e instanceof PropertyException
                || e instanceof ReproductionException || e instanceof IllegalArgumentException;
        String message = e.getMessage() == null ? e.getClass().getName()
                : expected ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
        StringBuilder sb = new StringBuilder(message);
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !sb.toString().contains(c.getMessage())) {
                sb.append(": ").append(c.getMessage());
            }
        }
        return sb.toString();
    }
}
