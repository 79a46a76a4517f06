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

import java.util.SplittableRandom;

/**
 * Produces the minibatch index lists of successive epochs over a dataset, each epoch in a fresh
 * random order.
 * <p>
 * The random stream is seeded once in the constructor, so the sequence of epochs is fully
 * determined by the seed. Not thread safe.
 */
public final class BatchSampler {
    private final int datasetSize;
    private final int batchSize;
    private final boolean dropLast;
    private final SplittableRandom rng;

    /**
     * Creates a sampler.
     *
     * @param datasetSize The number of examples, positive.
     * @param batchSize   The number of examples per batch, positive.
     * @param dropLast    If true, a final batch smaller than {@code batchSize} is dropped; if false
     *                    it is kept.
     * @param seed        The random seed.
     * @throws IllegalArgumentException If a size is not positive, or {@code dropLast} leaves no batch.
     */
    public BatchSampler(int datasetSize, int batchSize, boolean dropLast, long seed) {
        if (datasetSize <= 0) {
            throw new IllegalArgumentException("dataset size must be positive, found " + datasetSize);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, found " + batchSize);
        }
        if (dropLast && batchSize > datasetSize) {
            throw new IllegalArgumentException("batch size " + batchSize + " is larger than the dataset size "
                    + datasetSize + ", so dropLast would leave no batch");
        }
        this.datasetSize = datasetSize;
        this.batchSize = batchSize;
        this.dropLast = dropLast;
        this.rng = new SplittableRandom(seed);
    }

    /**
     * The number of examples sampled from.
     *
     * @return The dataset size.
     */
    public int datasetSize() {
        return datasetSize;
    }

    /**
     * The (maximum) number of examples per batch.
     *
     * @return The batch size.
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * The number of batches {@link #epochBatches()} returns.
     *
     * @return The batches per epoch.
     */
    public int batchesPerEpoch() {
        int full = datasetSize / batchSize;
        return (dropLast || datasetSize % batchSize == 0) ? full : full + 1;
    }

    /**
     * Shuffles the indices {@code 0..datasetSize-1} (Fisher-Yates) and cuts them into batches.
     * Every call advances the random stream, so successive calls give successive epochs.
     *
     * @return {@link #batchesPerEpoch()} disjoint index arrays; without {@code dropLast} their union is
     * every index exactly once.
     */
    public int[][] epochBatches() {
        int[] order = Permutations.shuffled(datasetSize, rng);
        int numBatches = batchesPerEpoch();
        int[][] batches = new int[numBatches][];
        for (int b = 0; b < numBatches; b++) {
            int from = b * batchSize;
            int to = Math.min(from + batchSize, datasetSize);
            int[] batch = new int[to - from];
            System.arraycopy(order, from, batch, 0, batch.length);
            batches[b] = batch;
        }
        return batches;
    }
}
