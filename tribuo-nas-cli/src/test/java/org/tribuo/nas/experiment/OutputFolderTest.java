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

package org.tribuo.nas.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Output folders of parallel runs (a sweep's Spark tasks) share parents that neither has made yet.
 */
class OutputFolderTest {

    @TempDir
    Path dir;

    @Test
    void runsPreparingSiblingFoldersAtOnceBothSucceed() throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 200; round++) {
                Path runs = dir.resolve("sweep-" + round).resolve("runs");
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<OutputFolder>> folders = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    Path run = runs.resolve("run-" + t);
                    folders.add(pool.submit(() -> {
                        start.await();
                        return OutputFolder.prepare(run);
                    }));
                }
                for (Future<OutputFolder> f : folders) {
                    assertTrue(Files.isDirectory(f.get().dir()), "round " + round);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFolderThatCannotBeUsedIsRemovedWithTheParentsItMade() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Path under = dir.resolve("new").resolve("deeper");
        IOException refused = assertThrows(IOException.class, () -> OutputFolder.prepare(file));
        assertTrue(refused.getMessage().contains("a-file") && refused.getMessage().contains("not a folder"), refused.getMessage());
        OutputFolder made = OutputFolder.prepare(under);
        made.removeIfUnused();
        assertFalse(Files.exists(dir.resolve("new")), "the parents it made go with it");
    }
}
