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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One dimension of a {@link Sweep}: either one setting and its values ({@code setting} =
 * {@code trainer.seed}, {@code values} = 1, 2, 3) or named {@link AxisChoice}s, each making
 * several settings. Its component name labels it. A replicate axis (seeds, typically) is
 * averaged over in the summary; the other axes form the groups that are compared.
 */
public final class SweepAxis implements Configurable {

    /**
     * A value of the axis.
     * @param label Its label in run names (a plain value is labelled {@code axis-value}).
     * @param settings What it sets, each {@code COMPONENT.FIELD=VALUE}.
     */
    public record Value(String label, List<String> settings) {}

    @ConfigurableName
    private String name;

    @Config(description = "The setting a plain axis varies, COMPONENT.FIELD (with 'values').")
    private String setting = "";

    @Config(description = "The values of 'setting', as they would be written in the configuration file.")
    private List<String> values = List.of();

    @Config(description = "Named choices, each making several settings (instead of 'setting' and 'values').")
    private List<AxisChoice> choices = List.of();

    @Config(description = "True for repetitions (seeds): averaged over in the summary instead of forming groups.")
    private boolean replicate = false;

    /** For OLCUT. */
    private SweepAxis() {}

    /**
     * A plain axis: one setting and its values.
     * @param name The axis label.
     * @param setting COMPONENT.FIELD.
     * @param values The values.
     * @param replicate Whether it is averaged over in the summary.
     * @return The axis.
     */
    public static SweepAxis of(String name, String setting, List<String> values, boolean replicate) {
        SweepAxis axis = new SweepAxis();
        axis.name = name;
        axis.setting = setting;
        axis.values = List.copyOf(values);
        axis.replicate = replicate;
        axis.postConfig();
        return axis;
    }

    /**
     * An axis of named choices.
     * @param name The axis label.
     * @param choices The choices.
     * @param replicate Whether it is averaged over in the summary.
     * @return The axis.
     */
    public static SweepAxis ofChoices(String name, List<AxisChoice> choices, boolean replicate) {
        SweepAxis axis = new SweepAxis();
        axis.name = name;
        axis.choices = List.copyOf(choices);
        axis.replicate = replicate;
        axis.postConfig();
        return axis;
    }

    @Override
    public void postConfig() {
        SweepNames.checkLabel(name, "axis");
        boolean plain = !setting.isEmpty() || !values.isEmpty();
        if (plain == !choices.isEmpty()) {
            throw new PropertyException(name, plain ? "choices" : "values", "an axis has either 'setting' with 'values', "
                    + "or 'choices', " + (plain ? "not both" : "and this one has neither"));
        }
        if (plain) {
            if (values.isEmpty()) {
                throw new PropertyException(name, "values", "axis '" + name + "' sets '" + setting + "' but lists no values");
            }
            try {
                ConfigOverride.parse(setting + "=" + values.get(0));
            } catch (InvalidOverrideException e) {
                throw new PropertyException(name, "setting", "'" + setting + "' is not COMPONENT.FIELD");
            }
        }
        Set<String> labels = new HashSet<>();
        for (Value v : values()) {
            SweepNames.checkLabel(v.label(), "axis '" + name + "' value");
            if (!labels.add(v.label())) {
                throw new PropertyException(name, plain ? "values" : "choices", "axis '" + name + "' lists '" + v.label() + "' twice");
            }
        }
    }

    /**
     * The axis label.
     * @return The component name.
     */
    public String name() {
        return name;
    }

    /**
     * Whether the summary averages over this axis.
     * @return True for repetitions such as seeds.
     */
    public boolean replicate() {
        return replicate;
    }

    /**
     * The values in order.
     * @return Each with its label and settings.
     */
    public List<Value> values() {
        List<Value> out = new ArrayList<>();
        if (choices.isEmpty()) {
            for (String v : values) {
                out.add(new Value(name + "-" + v, List.of(setting + "=" + v)));
            }
        } else {
            for (AxisChoice c : choices) {
                out.add(new Value(c.label(), c.settings()));
            }
        }
        return out;
    }
}
