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

import org.junit.jupiter.api.Test;
import org.tribuo.nas.arch.ArchitectureGeometry;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a trainer's description shows of its architecture update, before and after resolving. */
class ArchitectureUpdateDescriptionTest {

    private static final SearchMethod GAEA_DARTS =
            new SearchMethod(ArchitectureGeometry.EXPONENTIATED_GRADIENT, Relaxation.CONTINUOUS, false);
    private static final SearchMethod DARTS = new SearchMethod(ArchitectureGeometry.SOFTMAX_ADAM, Relaxation.CONTINUOUS, false);

    @Test
    void exponentiatedGradientNamesItsReferenceSettings() {
        ExponentiatedGradientUpdate update = new ExponentiatedGradientUpdate();
        assertEquals("archLearningRate=reference, edgeLearningRate=archLearningRate, archEntropicWeight=reference, "
                + "clampMin=1.0E-5, normalizeOrder=REFERENCE", update.describe());
        assertEquals("archLearningRate=0.1, edgeLearningRate=0.1, archEntropicWeight=0.0, clampMin=1.0E-5, "
                + "normalizeOrder=CLAMP_FIRST", update.resolve(GAEA_DARTS).describe());
    }

    @Test
    void softmaxAdamNamesItsReferenceSettings() {
        SoftmaxAdamUpdate update = new SoftmaxAdamUpdate();
        assertEquals("archLearningRate=reference, edgeLearningRate=archLearningRate, archWeightDecay=0.001, beta1=0.5, "
                + "beta2=0.999", update.describe());
        assertEquals("archLearningRate=3.0E-4, edgeLearningRate=3.0E-4, archWeightDecay=0.001, beta1=0.5, beta2=0.999",
                update.resolve(DARTS).describe());
    }
}
