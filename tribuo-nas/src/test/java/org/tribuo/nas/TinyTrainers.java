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

import org.tribuo.nas.data.ImageInput;
import org.tribuo.nas.data.ImageShape;
import org.tribuo.nas.search.SearchSchedule;
import org.tribuo.nas.nb201.Nb201SearchSpace;
import org.tribuo.nas.train.FinalTraining;

/**
 * The smallest trainer that exercises everything: C=16 (its convolutions are right as called,
 * so no check routes them; narrower widths are routed, see ConvolutionProvenanceTest), one cell
 * per stage, one epoch of search on 64 images and one of final training.
 */
final class TinyTrainers {

    private TinyTrainers() {}

    static GaeaTrainer.Builder tiny(long seed) {
        return GaeaTrainer.builder()
                .input(new ImageInput(new ImageShape(1, 28, 28)))
                .space(space().build())
                .search(schedule().build())
                .finalTraining(finalTraining().build())
                .seed(seed).device("cpu");
    }

    /** The tiny NAS-Bench-201 space: C=16, one cell per stage, for search and final network. */
    static Nb201SearchSpace.Builder space() {
        return Nb201SearchSpace.builder().searchNetwork(16, 1).finalNetwork(16, 1);
    }

    /** One search epoch of batch 32 on 64 examples. */
    static SearchSchedule.Builder schedule() {
        return SearchSchedule.builder().epochs(1).batchSize(32).examples(64);
    }

    /** One final-training epoch of batch 32. */
    static FinalTraining.Builder finalTraining() {
        return FinalTraining.builder().epochs(1).batchSize(32);
    }
}
