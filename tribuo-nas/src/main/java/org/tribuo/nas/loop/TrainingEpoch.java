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

import java.util.Locale;

/**
 * One epoch of final training.
 *
 * @param epoch One-based epoch.
 * @param learningRate The learning rate used.
 * @param trainLoss Mean cross-entropy.
 * @param trainAccuracy Training accuracy of the minibatch predictions.
 * @param seconds Wall time.
 */
public record TrainingEpoch(int epoch, double learningRate, double trainLoss, double trainAccuracy, double seconds)
        implements EpochFigures {

    @Override
    public String summary() {
        return String.format(Locale.ROOT, "loss %.4f, accuracy %.4f (%.1f s)", trainLoss, trainAccuracy, seconds);
    }
}
