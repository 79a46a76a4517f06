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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.nas.repro.SmallFixture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Usage errors, help texts and runtime errors that need no training.
 */
public class CliUsageTest {

    @Test
    public void globalHelpListsTheCommands() {
        CliRun help = CliRun.of("--help");
        assertEquals(0, help.code());
        for (String c : List.of("search", "evaluate", "describe", "reproduce", "Exit codes")) {
            assertTrue(help.out().contains(c), help.out());
        }
        assertEquals(help.out(), CliRun.of("help").out());
    }

    @Test
    public void everyCommandHasHelp() {
        for (String c : List.of("search", "evaluate", "describe", "reproduce")) {
            CliRun help = CliRun.of(c, "--help");
            assertEquals(0, help.code(), help.toString());
            assertTrue(help.out().startsWith("Usage: tribuo-nas " + c + " "), help.out());
            assertTrue(help.out().contains("--debug"), help.out());
            assertEquals(help.out(), CliRun.of("help", c).out());
        }
    }

    @Test
    public void doctorChecksTheConvolutionsOfTheWidthsGiven() {
        CliRun doctor = CliRun.of("doctor", "--numerics", "--widths", "20");
        assertEquals(0, doctor.code(), doctor.toString());
        assertTrue(doctor.out().contains("| 20 → 20 | 3×3 / 1 / 1 / 1 | NCHW |"), doctor.out());
        assertTrue(doctor.out().contains("| 20 → 20 | 3×3 / 1 / 1 / 1 | channels-last |"), doctor.out());
        assertTrue(doctor.out().matches("(?s).*\\d+ shapes: \\d+ computed as called, \\d+ routed, 0 with no right route.*"),
                doctor.out());
        assertUsageError(CliRun.of("doctor", "--numerics", "--widths", "24,x"), "--widths: 'x' is not a positive channel count");
        assertUsageError(CliRun.of("doctor", "--widths", "24"), "--widths and --config go with --numerics");
    }

    @Test
    public void unknownOptionIsAUsageErrorNamingIt() {
        CliRun run = CliRun.of("search", "--config", "x.xml", "--bogus", "1");
        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("unknown option '--bogus'"), run.err());
        assertTrue(run.err().contains("Usage: tribuo-nas search"), run.err());
        assertEquals("", run.out());
    }

    @Test
    public void otherUsageErrors() {
        assertUsageError(CliRun.of(), "missing COMMAND");
        assertUsageError(CliRun.of("train"), "unknown command 'train'");
        assertUsageError(CliRun.of("--verbose", "search"), "unknown option '--verbose'");
        assertUsageError(CliRun.of("search"), "missing required option '--config'");
        assertUsageError(CliRun.of("search", "--config"), "option '--config' needs a value FILE");
        assertUsageError(CliRun.of("search", "--config", "a.xml", "--config", "b.xml"), "'--config' given more than once");
        assertUsageError(CliRun.of("describe", "model.tribuo"), "unexpected argument 'model.tribuo'");
        assertUsageError(CliRun.of("search", "--config", "a.xml", "--set", "seed=2"), "expected COMPONENT.FIELD=VALUE");
        assertUsageError(CliRun.of("evaluate", "--model", "m", "--idx", "images"), "option '--idx' needs a value LABELS");
        assertUsageError(CliRun.of("reproduce", "--model", "m", "--set", "test-source.featuresPath=x"),
                "reproduce can only override 'trainer' and 'train-source'");
    }

    private static void assertUsageError(CliRun run, String message) {
        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains(message), "expected '" + message + "' in\n" + run.err());
        assertTrue(run.err().contains("Usage: tribuo-nas"), run.err());
    }

    @Test
    public void badOverridesNameTheComponentOrField(@TempDir Path dir) throws IOException {
        Path config = TestConfigs.idx(dir.resolve("c.xml"), SmallFixture.write(dir.resolve("data"), 8, 8));
        CliRun component = CliRun.of("search", "--config", config.toString(), "--set", "trainr.seed=2");
        assertUsageError(component, "has no component 'trainr'");
        CliRun field = CliRun.of("search", "--config", config.toString(), "--set", "trainer.sead=2");
        assertUsageError(field, "sead");
    }

    @Test
    public void runtimeErrorsGiveAMessageAndNoStackTrace(@TempDir Path dir) throws IOException {
        CliRun missing = CliRun.of("search", "--config", dir.resolve("nope.xml").toString());
        assertEquals(3, missing.code(), missing.toString());
        assertTrue(missing.err().contains("configuration file '" + dir.resolve("nope.xml") + "' does not exist"), missing.err());
        assertFalse(missing.err().contains("\tat "), missing.err());

        CliRun debug = CliRun.of("--debug", "describe", "--model", dir.resolve("nope.tribuo").toString());
        assertEquals(3, debug.code(), debug.toString());
        assertTrue(debug.err().contains("model file"), debug.err());
        assertTrue(debug.err().contains("\tat "), "stack trace with --debug: " + debug.err());

        Path notAModel = Files.writeString(dir.resolve("model.tribuo"), "not a model");
        CliRun bad = CliRun.of("describe", "--model", notAModel.toString());
        assertEquals(3, bad.code(), bad.toString());
        assertTrue(bad.err().contains(notAModel.toString()), bad.err());

        Path config = TestConfigs.idx(dir.resolve("c.xml"), SmallFixture.write(dir.resolve("data"), 8, 8));
        CliRun invalid = CliRun.of("search", "--config", config.toString(), "--set", "search.epochs=0",
                "--output", dir.resolve("out").toString());
        assertEquals(3, invalid.code(), invalid.toString());
        assertTrue(invalid.err().contains("SearchSchedule") && invalid.err().contains("epochs must be positive"), invalid.err());
        assertFalse(Files.exists(dir.resolve("out")), "invalid settings are found before the output folder is made");
    }
}
