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

package org.tribuo.nas.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * One combination of a {@link Sweep}'s axis values: an experiment configuration file with
 * overrides. Serializable, so a cluster can ship it to the machine that runs it.
 *
 * @param name The run's name and folder: its values' labels joined by '_', e.g. {@code gaea_seed-1}.
 * @param group The labels of the non-replicate axes joined by '_', e.g. {@code gaea}; runs of one group are summarised together.
 * @param experiment The experiment configuration file, as written in the sweep file.
 * @param settings The overrides, each {@code COMPONENT.FIELD=VALUE}, in axis order.
 */
public record SweepRun(String name, String group, String experiment, List<String> settings) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Creates a run; the settings list is copied.
     */
    public SweepRun {
        settings = List.copyOf(settings);
    }
}
