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

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Splits example indices into two disjoint random halves, e.g. the weight-training and
 * architecture-update halves of a bilevel architecture search.
 */
public final class TrainHeldOutSplit {

    private TrainHeldOutSplit() {}

    /**
     * Shuffles {@code 0..n-1} with the given seed and cuts it in two: the first
     * {@code round(n * firstFraction)} indices and the rest. Each part is returned sorted ascending
     * (so subsets keep the original order and memory locality).
     *
     * @param n             The number of examples.
     * @param firstFraction The fraction in the first part, in the open interval (0, 1).
     * @param seed          The random seed.
     * @return Two disjoint non-empty index arrays whose union is {@code 0..n-1}.
     * @throws IllegalArgumentException If the fraction is not in (0, 1) or a part would be empty.
     */
    public static int[][] split(int n, double firstFraction, long seed) {
        if (!(firstFraction > 0.0 && firstFraction < 1.0)) {
            throw new IllegalArgumentException("first fraction must be in (0, 1), found " + firstFraction);
        }
        long firstSize = Math.round(n * firstFraction);
        if (n < 2 || firstSize <= 0 || firstSize >= n) {
            throw new IllegalArgumentException("splitting " + n + " examples at fraction " + firstFraction
                    + " leaves a part empty");
        }
        int[] order = Permutations.shuffled(n, new SplittableRandom(seed));
        int[] first = Arrays.copyOfRange(order, 0, (int) firstSize);
        int[] second = Arrays.copyOfRange(order, (int) firstSize, n);
        Arrays.sort(first);
        Arrays.sort(second);
        return new int[][] {first, second};
    }
}
