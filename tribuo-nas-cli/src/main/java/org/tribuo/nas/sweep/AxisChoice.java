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

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.Configurable;
import com.oracle.labs.mlrg.olcut.config.ConfigurableName;
import com.oracle.labs.mlrg.olcut.config.PropertyException;

import org.tribuo.nas.experiment.ConfigOverride;
import org.tribuo.nas.experiment.InvalidOverrideException;

import java.util.ArrayList;
import java.util.List;

/**
 * One named value of a {@link SweepAxis} that changes several settings at once, for instance
 * "darts": {@code trainer.architectureUpdate=adam-update}, or a data set: the paths of both the
 * train and the test source. Its component name is its label in run names and summaries.
 */
public final class AxisChoice implements Configurable {

    @ConfigurableName
    private String label;

    @Config(mandatory = true, description = "The settings this choice makes, each COMPONENT.FIELD=VALUE of the experiment configuration.")
    private List<String> settings;

    /** For OLCUT. */
    private AxisChoice() {}

    /**
     * Creates a choice.
     * @param label Its label (letters, digits, '.', '-', '_').
     * @param settings Its settings, each {@code COMPONENT.FIELD=VALUE}.
     */
    public AxisChoice(String label, List<String> settings) {
        this.label = label;
        this.settings = List.copyOf(settings);
        postConfig();
    }

    @Override
    public void postConfig() {
        SweepNames.checkLabel(label, "choice");
        if (settings.isEmpty()) {
            throw new PropertyException(label, "settings", "a choice needs at least one COMPONENT.FIELD=VALUE setting");
        }
        for (String s : settings) {
            try {
                ConfigOverride.parse(s);
            } catch (InvalidOverrideException e) {
                throw new PropertyException(label, "settings", e.getMessage());
            }
        }
    }

    /**
     * The label.
     * @return The component name.
     */
    public String label() {
        return label;
    }

    /**
     * The settings.
     * @return Each {@code COMPONENT.FIELD=VALUE}.
     */
    public List<String> settings() {
        return new ArrayList<>(settings);
    }
}
