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


package org.tribuo.nas.checkpoint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One checkpoint folder, one run: a second run pointed at a folder in use is refused with a
 * message naming the folder, and the folder is free again once the first run closed it.
 */
public class RunCheckpointsLockTest {

    private static final RunFingerprint FINGERPRINT = new RunFingerprint(Map.of("run", "test"));

    @Test
    public void aSecondRunOnAFolderInUseIsRefused(@TempDir Path dir) {
        Path folder = dir.resolve("checkpoints");
        try (RunCheckpoints first = RunCheckpoints.open(folder, FINGERPRINT)) {
            CheckpointException e = assertThrows(CheckpointException.class, () -> RunCheckpoints.open(folder, FINGERPRINT));
            assertTrue(e.getMessage().contains(folder.toString()) && e.getMessage().contains("in use by another run"),
                    e.getMessage());
            assertTrue(first.enabled());
        }
        assertFalse(java.nio.file.Files.exists(folder.resolve(RunCheckpoints.LOCK_FILE)), "lock file removed on close");
        assertDoesNotThrow(() -> RunCheckpoints.open(folder, FINGERPRINT).close());
    }

    @Test
    public void otherFoldersAndDisabledCheckpointsAreIndependent(@TempDir Path dir) {
        try (RunCheckpoints a = RunCheckpoints.open(dir.resolve("a"), FINGERPRINT);
             RunCheckpoints b = RunCheckpoints.open(dir.resolve("b"), FINGERPRINT);
             RunCheckpoints none = RunCheckpoints.disabled()) {
            assertTrue(a.enabled() && b.enabled() && !none.enabled());
        }
    }
}
