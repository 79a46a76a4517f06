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
import com.oracle.labs.mlrg.olcut.config.PropertyException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A sweep: one experiment configuration run once for every combination of its axes' values
 * (seeds, architecture updates, search spaces, data sets, budgets...). Defined as the component
 * {@value #COMPONENT} of an OLCUT configuration file; see {@link SweepFile}.
 */
public final class Sweep implements Configurable {

    /** The component name of the sweep in a sweep file. */
    public static final String COMPONENT = "sweep";

    @Config(description = "The experiment configuration file every run starts from (relative to the working directory); "
            + "empty: the sweep file itself, which then also defines the experiment's components.")
    private String experiment = "";

    @Config(mandatory = true, description = "The axes; the runs are every combination of their values, the first axis outermost.")
    private List<SweepAxis> axes;

    /** For OLCUT. */
    private Sweep() {}

    /**
     * Creates a sweep.
     * @param experiment The experiment configuration file.
     * @param axes The axes.
     */
    public Sweep(String experiment, List<SweepAxis> axes) {
        this.experiment = experiment;
        this.axes = List.copyOf(axes);
        postConfig();
    }

    @Override
    public void postConfig() {
        if (axes.isEmpty()) {
            throw new PropertyException(COMPONENT, "axes", "a sweep needs at least one axis");
        }
        Set<String> names = new HashSet<>();
        for (SweepAxis a : axes) {
            if (!names.add(a.name())) {
                throw new PropertyException(COMPONENT, "axes", "axis '" + a.name() + "' is listed twice");
            }
        }
    }

    /**
     * The experiment configuration file.
     * @return The path as written; empty for the sweep file itself.
     */
    public String experiment() {
        return experiment;
    }

    /**
     * This sweep with its experiment file resolved: the sweep file when none is named.
     * @param sweepFile The file this sweep was read from.
     * @return A sweep whose runs name their experiment file.
     */
    public Sweep inFile(String sweepFile) {
        return experiment.isEmpty() ? new Sweep(sweepFile, axes) : this;
    }

    /**
     * The axes.
     * @return In order, the first outermost.
     */
    public List<SweepAxis> axes() {
        return List.copyOf(axes);
    }

    /**
     * Every combination of the axes' values.
     * @return The runs, the first axis varying slowest.
     */
    public List<SweepRun> runs() {
        List<SweepRun> runs = new ArrayList<>();
        combine(0, new ArrayList<>(), runs);
        return runs;
    }

    private void combine(int axis, List<SweepAxis.Value> chosen, List<SweepRun> runs) {
        if (axis == axes.size()) {
            List<String> labels = new ArrayList<>();
            List<String> groupLabels = new ArrayList<>();
            List<String> settings = new ArrayList<>();
            for (int i = 0; i < chosen.size(); i++) {
                labels.add(chosen.get(i).label());
                if (!axes.get(i).replicate()) {
                    groupLabels.add(chosen.get(i).label());
                }
                settings.addAll(chosen.get(i).settings());
            }
            String group = groupLabels.isEmpty() ? "all" : String.join("_", groupLabels);
            runs.add(new SweepRun(String.join("_", labels), group, experiment, settings));
            return;
        }
        for (SweepAxis.Value v : axes.get(axis).values()) {
            chosen.add(v);
            combine(axis + 1, chosen, runs);
            chosen.remove(chosen.size() - 1);
        }
    }
}
