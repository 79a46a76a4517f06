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
        "trainer.searchLearningRate=0      | searchLearningRate",
        "trainer.finalLearningRate=-0.1    | finalLearningRate",
        "trainer.archLearningRate=-1       | archLearningRate",
        "trainer.searchSpace=nasnet        | unknown search space 'nasnet'",
        "trainer.ops=skip_connect,conv_9x9 | conv_9x9",
        "trainer.geometry=ADAM             | geometry",
        "trainer.searchChannels=-1         | searchChannels",
        "trainer.searchBatchSize=128       | searchBatchSize, 128 exceeds searchExamples (64)",
        "trainer.finalBatchSize=512        | finalBatchSize 512 exceeds the 256 training examples",
        "trainer.imageHeight=20            | set imageChannels, imageHeight and imageWidth, or none of them",
        "trainer.device=tpu                | device",
        "trainer.partialChannels=4         | partialChannels, applies to the darts space only",
        "trainer.auxiliaryWeight=0.4       | auxiliaryWeight, applies to the darts space only",
        "trainer.searchLayers=8            | searchLayers, applies to the darts and tabular spaces",
        "trainer.relaxation=SOFT           | relaxation",
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
