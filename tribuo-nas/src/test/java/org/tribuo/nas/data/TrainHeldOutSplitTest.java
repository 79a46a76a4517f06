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
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TrainHeldOutSplitTest {

    @Test
    void disjointCoveringAndSized() {
        int[][] parts = TrainHeldOutSplit.split(1001, 0.5, 11L);
        assertEquals(2, parts.length);
        assertEquals(501, parts[0].length); // round(500.5)
        assertEquals(500, parts[1].length);
        int[] all = IntStream.concat(Arrays.stream(parts[0]), Arrays.stream(parts[1])).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 1001).toArray(), all);
        // Each part is sorted but is not a contiguous block.
        assertArrayEquals(Arrays.stream(parts[0]).sorted().toArray(), parts[0]);
        assertFalse(Arrays.equals(IntStream.range(0, 501).toArray(), parts[0]));
    }

    @Test
    void seededAndDeterministic() {
        assertArrayEquals(TrainHeldOutSplit.split(200, 0.3, 4L), TrainHeldOutSplit.split(200, 0.3, 4L));
        assertFalse(Arrays.equals(TrainHeldOutSplit.split(200, 0.3, 4L)[0], TrainHeldOutSplit.split(200, 0.3, 5L)[0]));
        assertEquals(60, TrainHeldOutSplit.split(200, 0.3, 4L)[0].length);
    }

    @Test
    void smallestValidSplit() {
        int[][] parts = TrainHeldOutSplit.split(2, 0.5, 0L);
        assertEquals(1, parts[0].length);
        assertEquals(1, parts[1].length);
    }

    @Test
    void rejectsBadFractionsAndEmptyParts() {
        for (double f : new double[] {0.0, 1.0, -0.1, 1.5, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> TrainHeldOutSplit.split(10, f, 0L), "fraction " + f);
        }
        assertThrows(IllegalArgumentException.class, () -> TrainHeldOutSplit.split(1, 0.5, 0L));
        assertThrows(IllegalArgumentException.class, () -> TrainHeldOutSplit.split(0, 0.5, 0L));
        assertThrows(IllegalArgumentException.class, () -> TrainHeldOutSplit.split(10, 0.01, 0L));
        assertThrows(IllegalArgumentException.class, () -> TrainHeldOutSplit.split(10, 0.99, 0L));
    }
}
