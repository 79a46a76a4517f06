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

package org.tribuo.nas.loop;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import org.tribuo.nas.util.SettingChecks;

/**
 * The SGD of a training's weights, as the search schedule and the final training both set it:
 * a cosine learning rate, momentum, weight decay and a bound on the gradient norm.
 *
 * @param learningRate Initial learning rate, positive.
 * @param learningRateMin Learning rate the cosine schedule reaches at the end of its period.
 * @param momentum Momentum, in [0, 1).
 * @param weightDecay L2 weight decay.
 * @param gradClip Bound on the global gradient L2 norm; 0 disables clipping.
 */
public record SgdSettings(float learningRate, float learningRateMin, float momentum, float weightDecay, float gradClip) {

    /**
     * Checks every value; the message names the setting.
     * @throws org.tribuo.nas.util.InvalidSettingException naming the first invalid setting.
     */
    public SgdSettings {
        SettingChecks.positive("learningRate", learningRate);
        SettingChecks.nonNegative("learningRateMin", learningRateMin);
        SettingChecks.fraction("momentum", momentum);
        SettingChecks.nonNegative("weightDecay", weightDecay);
        SettingChecks.nonNegative("gradClip", gradClip);
    }

    /**
     * The learning rate over the epochs.
     * @param periodEpochs The cosine period.
     * @return Cosine from the initial rate to the minimum over the period.
     */
    public CosineSchedule learningRates(int periodEpochs) {
        return new CosineSchedule(learningRate, learningRateMin, periodEpochs);
    }

    /**
     * An optimizer of every trained parameter of a network with these settings.
     * @param network The initialized network.
     * @param manager The manager of its momentum buffers.
     * @return The optimizer; close it when the training ends.
     */
    public SgdOptimizer newOptimizer(Block network, NDManager manager) {
        return new SgdOptimizer(network, manager, momentum, weightDecay, gradClip);
    }
}
