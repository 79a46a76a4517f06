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

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tribuo.nas.repro.SmallFixture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every bad setting of {@code tribuo-nas search} fails with a message naming the setting, before
 * any training, and leaves no output folder behind.
 */
public class BadSettingsTest {

    @TempDir
    static Path dir;

    private static Path config;

    @BeforeAll
    public static void data() throws IOException {
        config = TestConfigs.idx(dir.resolve("tiny.xml"), SmallFixture.write(dir.resolve("data"), 256, 16));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "search.learningRate=0                   | SearchSchedule: learningRate must be positive",
        "final-training.learningRate=-0.1        | FinalTraining: learningRate must be positive",
        "architecture-update.learningRate=-1     | ExponentiatedGradientUpdate: learningRate must be non-negative",
        "architecture-update.normalizeOrder=NONE | normalizeOrder",
        "space.ops=skip_connect,conv_9x9         | ops: unknown NAS-Bench-201 op 'conv_9x9'",
        "space.searchChannels=-1                 | Nb201SearchSpace: searchChannels must be positive",
        "search.batchSize=128                    | batchSize 128 exceeds examples (64)",
        "final-training.batchSize=512            | batchSize 512 exceeds the 256 training examples",
        "final-training.randomCropPadding=-1     | FinalTraining: randomCropPadding must be non-negative",
        "final-training.randomCropPadding=28     | randomCropPadding 28 must be smaller than the training images' height and width (28x28)",
        "input.height=20                         | set channels, height and width, or none of them",
        "trainer.device=tpu                      | device",
        "space.finalCellsPerStage=0              | finalCellsPerStage must be positive",
        "trainer.space=search                    | space",
    })
    public void badSettingIsNamedAndNothingIsWritten(String override, String expected) {
        Path out = dir.resolve("out-" + override.replaceAll("[^A-Za-z0-9]", "_"));
        CliRun run = CliRun.of("search", "--config", config.toString(), "--set", override, "--output", out.toString(),
                "--no-progress");
        assertEquals(TribuoNasCli.EXIT_RUNTIME, run.code(), run.toString());
        assertTrue(run.err().contains(expected), "expected '" + expected + "' in: " + run.err());
        assertFalse(run.out().contains("Search:"), "failed before training: " + run.out());
        assertFalse(Files.exists(out), "no output folder is left behind");
    }
}
