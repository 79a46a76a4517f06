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

package org.tribuo.nas.search;

/**
 * Which data the architecture step sees.
 */
public enum SearchScheme {
    /**
     * Single-level empirical risk minimization (GAEA's best): weights and architecture both train
     * on the full training set; architecture batches come from an independent shuffle of it.
     */
    SINGLE_LEVEL,
    /**
     * Bilevel (DARTS): the training set is split in two halves by the seed, weights train on the
     * first, the architecture on the second; the final genotype is that of the epoch with the best
     * supernet accuracy on the second half.
     */
    BILEVEL
}
