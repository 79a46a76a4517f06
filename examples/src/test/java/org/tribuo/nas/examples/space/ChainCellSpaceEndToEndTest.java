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
package org.tribuo.nas.examples.space;

import ai.djl.Device;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.nas.GaeaModel;
import org.tribuo.nas.ModelFiles;
import org.tribuo.nas.cli.TribuoNasCli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A search space written outside tribuo-nas ({@link ChainCellSpace}) runs from its configuration
 * file end to end, through the command line as a user runs it: search and final training, save,
 * load, describe and reproduce. Nothing in tribuo-nas names the space.
 */
public class ChainCellSpaceEndToEndTest {

    private record Run(int code, String out, String err) {
        static Run of(String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code;
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                 PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                code = TribuoNasCli.run(args, o, e);
            }
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "exit code " + code + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
        }
    }

    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("examples").resolve("config"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find examples/config above " + Path.of("").toAbsolutePath());
    }

    @Test
    public void aUserSpaceIsSearchedTrainedSavedLoadedDescribedAndReproduced(@TempDir Path dir) throws Exception {
        Path root = repositoryRoot();
        Path config = root.resolve("examples/config/user-space/chain-cell.xml");
        Path fixture = root.resolve("tribuo-nas/src/test/resources/fixtures/fashion-mnist");
        Path output = dir.resolve("out");
        Run search = Run.of("search", "--config", config.toString(), "--output", output.toString(), "--no-progress",
                "--set", "train-source.featuresPath=" + fixture.resolve("train-images-idx3-ubyte.gz"),
                "--set", "train-source.outputPath=" + fixture.resolve("train-labels-idx1-ubyte.gz"),
                "--set", "test-source.featuresPath=" + fixture.resolve("t10k-images-idx3-ubyte.gz"),
                "--set", "test-source.outputPath=" + fixture.resolve("t10k-labels-idx1-ubyte.gz"));
        assertEquals(0, search.code(), search.toString());
        assertTrue(search.out().contains("Evaluation on test-source (200 examples)"), search.out());

        Path modelFile = output.resolve("model.tribuo");
        try (GaeaModel model = ModelFiles.load(modelFile, Device.cpu())) {
            ChainGenotype cell = assertInstanceOf(ChainGenotype.class, model.genotype());
            assertInstanceOf(ChainCellSpace.class, model.searchSpace());
            assertEquals(ChainCellSpace.EDGES, model.alpha().length);
            assertEquals(5, model.alpha()[0].length);
            assertEquals(2, model.depth(), "the final network has the configured cells");
            assertTrue(search.out().contains("Genotype: " + cell), search.out());
            assertTrue(model.searchHistory().epochs().get(1).meanEntropy() < Math.log(5), "α moved from uniform");
        }

        Run describe = Run.of("describe", "--model", modelFile.toString());
        assertEquals(0, describe.code(), describe.toString());
        assertTrue(describe.out().contains("Search space:   chain-cell")
                && describe.out().contains("Space:          ChainCellSpace channels=16, finalCells=2"), describe.out());

        Run reproduce = Run.of("reproduce", "--model", modelFile.toString(), "--no-progress", "--strict");
        assertEquals(0, reproduce.code(), reproduce.toString());
        assertTrue(reproduce.out().contains("IDENTICAL"), reproduce.out());
    }
}
