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

import org.tribuo.nas.data.InputFormat;
import org.tribuo.nas.search.ArchitectureUpdate;
import org.tribuo.nas.search.SearchConfig;
import org.tribuo.nas.search.SearchMethod;
import org.tribuo.nas.search.SearchRelaxation;
import org.tribuo.nas.search.SearchSchedule;
import org.tribuo.nas.space.InputKind;
import org.tribuo.nas.space.SearchSpace;
import org.tribuo.nas.train.FinalTraining;
import org.tribuo.nas.util.InvalidSettingException;

import java.util.Locale;

/**
 * The parts a {@link GaeaTrainer} is composed of, taken together: whether they fit each other,
 * the method they make, and the settings they resolve from it.
 *
 * @param space The search space.
 * @param architectureUpdate The architecture update.
 * @param relaxation The relaxation.
 * @param search The search schedule.
 * @param finalTraining The final training.
 * @param input The input format; null means what the space reads.
 */
record TrainerParts(SearchSpace space, ArchitectureUpdate architectureUpdate, SearchRelaxation relaxation,
                    SearchSchedule search, FinalTraining finalTraining, InputFormat input) {

    /**
     * Checks the parts are set and fit each other.
     * @return The input format to use: the configured one, or the one the space reads.
     * @throws InvalidSettingException naming the first part that is missing or does not fit.
     */
    InputFormat checkedInput() {
        for (Object[] part : new Object[][]{{"space", space}, {"architectureUpdate", architectureUpdate},
                {"relaxation", relaxation}, {"search", search}, {"finalTraining", finalTraining}}) {
            if (part[1] == null) {
                throw new InvalidSettingException((String) part[0], "must be set");
            }
        }
        InputFormat format = input;
        if (format == null) {
            format = InputFormat.readBy(space.inputKind());
        } else if (format.kind() != space.inputKind()) {
            throw new InvalidSettingException("input", "is " + format + ", which makes " + format.kind() + ", but the "
                    + space.name() + " space reads " + space.inputKind());
        }
        if (space.finalRegularization().cutout() > 0 && space.inputKind() != InputKind.IMAGES) {
            throw new InvalidSettingException("space", "asks for cutout, which applies to images only");
        }
        if (finalTraining.augmentsImages() && space.inputKind() != InputKind.IMAGES) {
            throw new InvalidSettingException("finalTraining", "asks for random crop or horizontal flip, which apply to "
                    + "images only; the " + space.name() + " space reads " + space.inputKind());
        }
        search.checkFits(method());
        return format;
    }

    /**
     * The method in the paper's terms.
     * @return e.g. GAEA PC-DARTS or GDAS.
     */
    SearchMethod method() {
        return new SearchMethod(architectureUpdate.geometry(), relaxation.kind(), space.supernetSettings().edgeWeights());
    }

    /**
     * The architecture update with the method's references resolved.
     * @return The resolved update.
     */
    ArchitectureUpdate resolvedUpdate() {
        return architectureUpdate.resolve(method());
    }

    /**
     * The search these parts describe: the one route from parts to a search, also taken by users
     * of the {@code search} API.
     * @param seed The search's seed.
     * @param device The device setting.
     * @return The search configuration, with every reference setting resolved.
     */
    SearchConfig searchConfig(long seed, String device) {
        return new SearchConfig(space, search, architectureUpdate, relaxation, seed, device);
    }

    /**
     * Every setting whose value was resolved from the method.
     * @return {@code name=value} pairs, comma separated.
     */
    String resolvedSettings() {
        SearchMethod method = method();
        return String.format(Locale.ROOT, "method=%s, ops=%s, %s, archWarmupEpochs=%d, supernet=%s, network=%s, %s",
                method, String.join(",", space.ops()), resolvedUpdate().describe(), search.archWarmupEpochs(method),
                space.supernetSettings(), space.networkSettings(), space.finalRegularization());
    }
}
