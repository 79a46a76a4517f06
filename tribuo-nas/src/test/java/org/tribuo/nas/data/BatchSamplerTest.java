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

package org.tribuo.nas.data;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchSamplerTest {

    private static int[] flatten(int[][] batches) {
        return Arrays.stream(batches).flatMapToInt(Arrays::stream).toArray();
    }

    @Test
    void sameSeedSameEpochs() {
        BatchSampler a = new BatchSampler(103, 10, false, 42L);
        BatchSampler b = new BatchSampler(103, 10, false, 42L);
        for (int epoch = 0; epoch < 5; epoch++) {
            assertArrayEquals(a.epochBatches(), b.epochBatches(), "epoch " + epoch);
        }
    }

    @Test
    void differentSeedDifferentOrder() {
        int[] a = flatten(new BatchSampler(100, 10, false, 1L).epochBatches());
        int[] b = flatten(new BatchSampler(100, 10, false, 2L).epochBatches());
        assertFalse(Arrays.equals(a, b));
    }

    @Test
    void eachEpochIsAFreshPermutation() {
        BatchSampler s = new BatchSampler(103, 10, false, 5L);
        assertEquals(11, s.batchesPerEpoch());
        Set<String> orders = new HashSet<>();
        int[] identity = new int[103];
        Arrays.setAll(identity, i -> i);
        for (int epoch = 0; epoch < 4; epoch++) {
            int[][] batches = s.epochBatches();
            assertEquals(11, batches.length);
            for (int b = 0; b < 10; b++) {
                assertEquals(10, batches[b].length);
            }
            assertEquals(3, batches[10].length);
            int[] flat = flatten(batches);
            orders.add(Arrays.toString(flat));
            int[] sorted = flat.clone();
            Arrays.sort(sorted);
            assertArrayEquals(identity, sorted, "epoch " + epoch + " is not a permutation");
            assertFalse(Arrays.equals(identity, flat), "epoch " + epoch + " is not shuffled");
        }
        assertEquals(4, orders.size(), "epochs should differ");
    }

    @Test
    void dropLastDropsOnlyThePartialBatch() {
        BatchSampler s = new BatchSampler(10, 3, true, 3L);
        assertEquals(3, s.batchesPerEpoch());
        int[][] batches = s.epochBatches();
        assertEquals(3, batches.length);
        Set<Integer> seen = new HashSet<>();
        for (int[] batch : batches) {
            assertEquals(3, batch.length);
            for (int i : batch) {
                assertTrue(i >= 0 && i < 10);
                assertTrue(seen.add(i), "duplicate " + i);
            }
        }
        assertEquals(4, new BatchSampler(10, 3, false, 3L).batchesPerEpoch());
        assertEquals(2, new BatchSampler(10, 5, true, 3L).batchesPerEpoch());
        assertEquals(2, new BatchSampler(10, 5, false, 3L).batchesPerEpoch());
        assertEquals(1, new BatchSampler(3, 64, false, 3L).epochBatches().length);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new BatchSampler(0, 1, false, 0L));
        assertThrows(IllegalArgumentException.class, () -> new BatchSampler(5, 0, false, 0L));
        assertThrows(IllegalArgumentException.class, () -> new BatchSampler(5, 6, true, 0L));
    }
}
