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

import com.oracle.labs.mlrg.olcut.config.Configurable;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.PropertyException;

import org.tribuo.nas.experiment.ConfigFiles;
import org.tribuo.nas.experiment.ExperimentConfig;
import org.tribuo.nas.experiment.InvalidOverrideException;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.TreeSet;

/**
 * Reads a sweep file (OLCUT XML, or JSON for {@code .json}) whose component {@value Sweep#COMPONENT}
 * is a {@link Sweep}; the file may also hold the experiment's own components (trainer, sources),
 * when the sweep names no other experiment file. It checks every run's settings against the experiment configuration before
 * anything runs, so a typo in the last axis value does not surface hours later.
 */
public final class SweepFile {

    private SweepFile() {}

    /**
     * Reads and checks a sweep file.
     * @param file The sweep file.
     * @return The sweep.
     * @throws IOException If the file, or the experiment file it names, cannot be read, or a run's settings do not fit the experiment.
     */
    public static Sweep load(Path file) throws IOException {
        ConfigurationManager cm = ConfigFiles.read(file);
        if (!cm.containsConfigurable(Sweep.COMPONENT)) {
            throw new IOException(file.getFileName() + " has no component named '" + Sweep.COMPONENT + "' (it has "
                    + new TreeSet<>(cm.getComponentNames()) + ")");
        }
        Configurable c;
        try {
            c = cm.lookup(Sweep.COMPONENT);
        } catch (PropertyException e) {
            throw new IOException(file.getFileName() + ": " + e.getMessage(), e);
        }
        if (!(c instanceof Sweep sweep)) {
            throw new IOException(file.getFileName() + ": component '" + Sweep.COMPONENT + "' is a " + c.getClass().getName()
                    + ", expected " + Sweep.class.getName());
        }
        Sweep resolved = sweep.inFile(file.toString());
        for (SweepRun run : resolved.runs()) {
            check(file, run);
        }
        return resolved;
    }

    /** Builds the run's trainer (no data is read): a setting that does not fit fails here. */
    private static void check(Path file, SweepRun run) throws IOException {
        try {
            ExperimentConfig.load(Paths.get(run.experiment()), SweepRunner.overrides(run)).trainer();
        } catch (InvalidOverrideException e) {
            throw new IOException(file.getFileName() + ": run '" + run.name() + "': setting " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IOException(file.getFileName() + ": run '" + run.name() + "': " + e.getMessage(), e);
        }
    }
}
