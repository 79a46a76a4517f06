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

import org.tribuo.nas.cost.CostModel;
import org.tribuo.nas.space.SearchSpace;
import org.tribuo.nas.util.InvalidSettingException;

import java.util.Locale;

/**
 * The checks of a {@link GaeaTrainer}'s own settings, beside its parts' ({@link
 * TrainerParts#checkedInput()}): a cost model only on a space that can be costed op by op, a
 * positive prediction batch size, a device setting the runtime understands.
 */
final class TrainerSettingChecks {

    private TrainerSettingChecks() {}

    /**
     * Checks the settings.
     * @param space The search space.
     * @param costModel The cost model, or null without one.
     * @param predictBatchSize The prediction batch size.
     * @param device The device setting.
     * @throws InvalidSettingException naming the first invalid setting.
     */
    static void check(SearchSpace space, CostModel costModel, int predictBatchSize, String device) {
        if (costModel != null) {
            CostModel.decomposition(space);
        }
        if (predictBatchSize <= 0) {
            throw new InvalidSettingException("predictBatchSize", "must be positive, got " + predictBatchSize);
        }
        if (device == null || !device.trim().toLowerCase(Locale.ROOT).matches("auto|cpu|gpu|gpu:\\d+")) {
            throw new InvalidSettingException("device", "expected auto, cpu, gpu or gpu:N, got '" + device + "'");
        }
    }
}
