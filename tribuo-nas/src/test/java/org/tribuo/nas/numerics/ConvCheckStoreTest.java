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

package org.tribuo.nas.numerics;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.nas.runtime.DjlRuntime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ConvCheckStore}: measurements survive the process, per machine kind, and a torn line is measured again. */
public class ConvCheckStoreTest {

    private static final Shape ONE = new Shape(1, 1);

    private static ConvSignature shape(long channels, int threads) {
        return new ConvSignature(channels, channels, 3, 3, ONE, ONE, ONE, 1, 8, 8, false, true, true,
                DataType.FLOAT32, Device.cpu(), threads);
    }

    @Test
    public void measurementsComeBackInANewStoreOfTheSameMachineKind(@TempDir Path dir) throws IOException {
        List<RouteCheck> measured = List.of(new RouteCheck(ConvRoute.CHANNELS_LAST, 1.5e-1, Double.POSITIVE_INFINITY, 3e-7),
                new RouteCheck(ConvRoute.CONTIGUOUS, 6e-8, 2e-7, 3.1e-7));
        ConvCheckStore first = ConvCheckStore.open(dir, "machine A");
        first.save(shape(24, 2), measured);
        ConvCheckStore second = ConvCheckStore.open(dir, "machine A");
        List<RouteCheck> back = second.find(shape(24, 2)).orElseThrow();
        assertEquals(2, back.size());
        assertEquals(ConvRoute.CHANNELS_LAST, back.get(0).route());
        assertEquals(Double.POSITIVE_INFINITY, back.get(0).inputGradientError(), "non-finite errors stay non-finite");
        assertEquals(3.1e-7, back.get(1).weightGradientError(), 1e-10);
        ConvVerdict verdict = ConvVerdict.decide(shape(24, 2), back);
        assertEquals(ConvRoute.CONTIGUOUS, verdict.route(), "the verdict is decided again from the stored errors");
        assertTrue(second.find(shape(24, 1)).isEmpty(), "another thread count is another shape");
        assertTrue(Files.readString(first.file()).startsWith("# tribuo-nas convolution self-check, machine A"));
    }

    @Test
    public void anotherMachineKindHasItsOwnFile(@TempDir Path dir) {
        ConvCheckStore a = ConvCheckStore.open(dir, "machine A");
        a.save(shape(24, 2), List.of(new RouteCheck(ConvRoute.CONTIGUOUS, 0, 0, 0)));
        ConvCheckStore b = ConvCheckStore.open(dir, "machine B");
        assertNotEquals(a.file(), b.file());
        assertTrue(b.find(shape(24, 2)).isEmpty());
    }

    @Test
    public void aTornLineIsIgnoredAndMeasuredAgain(@TempDir Path dir) throws IOException {
        ConvCheckStore a = ConvCheckStore.open(dir, "machine A");
        a.save(shape(24, 2), List.of(new RouteCheck(ConvRoute.CONTIGUOUS, 1e-7, 1e-7, 1e-7)));
        Files.writeString(a.file(), shape(36, 2).describe() + "\tCHANNELS_LAST 1.0e-07 2.0e", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        ConvCheckStore b = ConvCheckStore.open(dir, "machine A");
        assertTrue(b.find(shape(36, 2)).isEmpty(), "the torn line is not trusted");
        assertTrue(b.find(shape(24, 2)).isPresent());
    }

    @Test
    public void theMachineKeyNamesTheEngineVersionAndTheCpu() {
        String key = MachineKey.describe(DjlRuntime.engine());
        assertTrue(key.startsWith("PyTorch " + DjlRuntime.engine().getVersion()), key);
        assertTrue(key.contains(System.getProperty("os.arch")), key);
        if (Files.isReadable(Path.of("/proc/cpuinfo"))) {
            assertTrue(key.contains("flags "), key);
        }
    }
}
