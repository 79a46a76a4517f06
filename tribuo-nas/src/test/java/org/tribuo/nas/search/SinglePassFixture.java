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

import org.tribuo.nas.nb201.Nb201SearchSpace;

/** The tiny single-pass searches SinglePassTest and SinglePassGradientTest run. */
final class SinglePassFixture {

    private SinglePassFixture() {}

    /** NAS-Bench-201 with C=16 (narrower convs hit a libtorch NaN bug), one cell per stage, 2 steps an epoch. */
    static SearchConfig tiny() {
        return tiny(new ExponentiatedGradientUpdate(), new ContinuousRelaxation());
    }

    /** The Gumbel methods' reference warm-up (50 epochs for GAEA GDAS) is set to 0 to step in these 2 epochs. */
    static SearchConfig tiny(ArchitectureUpdate update, SearchRelaxation relaxation) {
        return tiny(update, relaxation, schedule());
    }

    static SearchSchedule.Builder schedule() {
        return SearchSchedule.builder().epochs(2).batchSize(16).archWarmupEpochs(0).singlePass(true);
    }

    static SearchConfig tiny(ArchitectureUpdate update, SearchRelaxation relaxation, SearchSchedule.Builder schedule) {
        return new SearchConfig(Nb201SearchSpace.builder().searchNetwork(16, 1).build(), schedule.build(), update, relaxation,
                42, "cpu");
    }
}
