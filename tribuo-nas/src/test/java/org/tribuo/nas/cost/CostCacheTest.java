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

package org.tribuo.nas.cost;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The op-cost cache: a measurement is taken once per key and entry, kept across processes
 * (reopening the file), never shared between keys, and a torn line is measured again.
 */
public class CostCacheTest {

    @TempDir
    Path dir;

    @Test
    public void measuresOnceAndKeepsItAcrossOpenings() {
        AtomicInteger measured = new AtomicInteger();
        CostCache first = CostCache.open(dir, "ONNX Runtime 1.20.0, 1 thread; cpu A");
        assertEquals(0.25, first.get("op conv at (1, 16, 28, 28)", () -> measured.incrementAndGet() * 0.25));
        assertEquals(0.25, first.get("op conv at (1, 16, 28, 28)", () -> measured.incrementAndGet() * 0.25));
        assertEquals(1, measured.get());
        CostCache again = CostCache.open(dir, "ONNX Runtime 1.20.0, 1 thread; cpu A");
        assertEquals(0.25, again.get("op conv at (1, 16, 28, 28)", () -> 99));
        assertEquals(1, again.reused());
    }

    @Test
    public void anotherKeyIsAnotherFile() {
        CostCache one = CostCache.open(dir, "ONNX Runtime 1.20.0, 1 thread; cpu A");
        CostCache two = CostCache.open(dir, "ONNX Runtime 1.20.0, 2 threads; cpu A");
        one.get("op conv", () -> 0.25);
        assertNotEquals(one.file(), two.file());
        assertEquals(0.5, two.get("op conv", () -> 0.5), "a measurement of another key is not used");
        CostCache otherCpu = CostCache.open(dir, "ONNX Runtime 1.20.0, 1 thread; cpu B");
        assertEquals(0.75, otherCpu.get("op conv", () -> 0.75));
    }

    @Test
    public void tornLinesAndForeignHeadersAreMeasuredAgain() throws Exception {
        CostCache cache = CostCache.open(dir, "key");
        cache.get("op a", () -> 1.0);
        Path file = cache.file().orElseThrow();
        Files.writeString(file, "op b\t0.12", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Files.writeString(file, "\nop c\tnot-a-number\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        CostCache reopened = CostCache.open(dir, "key");
        assertEquals(1.0, reopened.get("op a", () -> 5));
        assertEquals(0.12, reopened.get("op b", () -> 5), "a complete line is read");
        assertEquals(5, reopened.get("op c", () -> 5), "an unreadable value is measured again");

        Files.writeString(file, "# tribuo-nas op costs, another key\nop a\t3.0\n", StandardCharsets.UTF_8);
        assertEquals(7, CostCache.open(dir, "key").get("op a", () -> 7), "a file of another key is not used");
    }

    @Test
    public void entriesHaveNoTabsOrNewlines() {
        assertThrows(IllegalArgumentException.class, () -> CostCache.inMemory().get("a\tb", () -> 1));
        assertTrue(CostCache.inMemory().file().isEmpty());
    }
}
