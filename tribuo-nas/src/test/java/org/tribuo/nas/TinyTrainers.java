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

package org.tribuo.nas;

import org.tribuo.nas.data.ImageShape;

/**
 * The smallest trainer that exercises everything: C=16 (narrower convs hit a libtorch NaN
 * bug), one cell per stage, one epoch of search and one of final training.
 */
final class TinyTrainers {

    private TinyTrainers() {}

    static GaeaTrainer.Builder tiny(long seed) {
        return GaeaTrainer.builder()
                .imageShape(new ImageShape(1, 28, 28))
                .searchNetwork(16, 1).searchEpochs(1).searchBatchSize(32).searchExamples(64)
                .finalNetwork(16, 1).finalEpochs(1).finalBatchSize(32)
                .seed(seed).device("cpu");
    }
}
