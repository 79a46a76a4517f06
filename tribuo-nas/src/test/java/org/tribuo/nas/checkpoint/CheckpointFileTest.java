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

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checkpoint file layout: exact round trip, and damaged or foreign bytes refused by name.
 */
public class CheckpointFileTest {

    private static CheckpointFile.Contents sample() {
        NetworkState network = new NetworkState(List.of(
                new NetworkState.Tensor("conv_weight", new long[]{2, 1, 3, 3}, values(18, 0.1f)),
                new NetworkState.Tensor("bn_runningMean", new long[]{2}, new float[]{Float.MIN_VALUE, -0f})),
                new float[][]{values(18, -1e-7f), new float[0]}, 0.0123f);
        RunFingerprint fingerprint = new RunFingerprint(Map.of("trainer.seed", "1", "data.examples", "96"));
        return new CheckpointFile.Contents("search", fingerprint, "{\"epochsDone\":3}", network);
    }

    private static float[] values(int n, float scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = scale * (i - n / 3f) / 7f;
        }
        return v;
    }

    @Test
    public void roundTripIsBitExact() throws Exception {
        CheckpointFile.Contents c = sample();
        CheckpointFile.Contents back = CheckpointFile.decode("x.ckpt", CheckpointFile.encode(c));
        assertEquals(c.kind(), back.kind());
        assertEquals(c.fingerprint(), back.fingerprint());
        assertEquals(c.stateJson(), back.stateJson());
        assertEquals(c.network().lastLearningRate(), back.network().lastLearningRate());
        for (int i = 0; i < c.network().tensors().size(); i++) {
            NetworkState.Tensor a = c.network().tensors().get(i);
            NetworkState.Tensor b = back.network().tensors().get(i);
            assertEquals(a.name(), b.name());
            assertArrayEquals(a.shape(), b.shape());
            for (int k = 0; k < a.values().length; k++) {
                assertEquals(Float.floatToRawIntBits(a.values()[k]), Float.floatToRawIntBits(b.values()[k]), a.name() + "[" + k + "]");
            }
        }
        assertTrue(Arrays.deepEquals(c.network().momentum(), back.network().momentum()));
    }

    @Test
    public void everyDamagedByteAndEveryTruncationIsRefused() throws Exception {
        byte[] bytes = CheckpointFile.encode(sample());
        for (int i = 0; i < bytes.length; i += 7) {
            byte[] damaged = bytes.clone();
            damaged[i] ^= 0x01;
            CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointFile.decode("x.ckpt", damaged),
                    "flipped bit in byte " + i);
            assertTrue(e.getMessage().contains("x.ckpt"), e.getMessage());
        }
        for (int length = 0; length < bytes.length; length += 11) {
            byte[] truncated = Arrays.copyOf(bytes, length);
            assertThrows(CheckpointException.class, () -> CheckpointFile.decode("x.ckpt", truncated), "length " + length);
        }
    }

    @Test
    public void foreignFileIsNamed() {
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> CheckpointFile.decode("model.tribuo", "PK\u0003\u0004 something else entirely".getBytes()));
        assertTrue(e.getMessage().contains("'model.tribuo' is not a tribuo-nas checkpoint"), e.getMessage());
    }

    @Test
    public void fingerprintDifferencesNameEachField() {
        RunFingerprint stored = new RunFingerprint(Map.of("trainer.seed", "1", "trainer.searchEpochs", "2", "data.examples", "96"));
        RunFingerprint now = new RunFingerprint(Map.of("trainer.seed", "1", "trainer.searchEpochs", "3", "trainer.extra", "x"));
        assertEquals(List.of("data.examples: checkpoint 96, now (absent)", "trainer.extra: checkpoint (absent), now x",
                "trainer.searchEpochs: checkpoint 2, now 3"), now.differences(stored));
        assertTrue(stored.differences(stored).isEmpty());
        assertEquals(stored.hash(), new RunFingerprint(Map.of("data.examples", "96", "trainer.searchEpochs", "2",
                "trainer.seed", "1")).hash());
        assertTrue(!stored.hash().equals(now.hash()));
    }
}
