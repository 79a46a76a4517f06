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

package org.tribuo.nas.experiment;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.Configurable;
import com.oracle.labs.mlrg.olcut.config.ConfigurationData;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.config.property.ListProperty;
import com.oracle.labs.mlrg.olcut.config.property.Property;
import com.oracle.labs.mlrg.olcut.config.property.SimpleProperty;

import org.tribuo.ConfigurableDataSource;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.nas.FlatConfigurationCheck;
import org.tribuo.nas.GaeaTrainer;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * An experiment configuration file (OLCUT XML, or JSON for {@code .json} files) with the
 * components {@value #TRAINER} (a {@link GaeaTrainer}), {@value #TRAIN_SOURCE} and optionally
 * {@value #TEST_SOURCE} (each a {@link ConfigurableDataSource} of {@link Label}s, such as
 * {@code IDXDataSource} or {@code CSVDataSource}).
 * <p>
 * Components are built on first lookup, so a bad trainer setting is reported before any data is read.
 */
public final class ExperimentConfig {

    /** Component name of the trainer. */
    public static final String TRAINER = "trainer";
    /** Component name of the training data source. */
    public static final String TRAIN_SOURCE = "train-source";
    /** Component name of the optional test data source. */
    public static final String TEST_SOURCE = "test-source";

    private final Path file;
    private final ConfigurationManager cm;

    private ExperimentConfig(Path file, ConfigurationManager cm) {
        this.file = file;
        this.cm = cm;
    }

    /**
     * Reads a configuration file and applies overrides.
     * @param file The file; {@code .json} is read as JSON, anything else as XML.
     * @param overrides {@code --set} overrides.
     * @return The configuration.
     * @throws IOException If the file is missing or unreadable, or not a valid configuration.
     * @throws InvalidOverrideException If an override names an unknown component or field, or its value does not fit.
     */
    public static ExperimentConfig load(Path file, List<ConfigOverride> overrides) throws IOException {
        ConfigurationManager cm = ConfigFiles.read(file);
        try {
            FlatConfigurationCheck.check(cm);
        } catch (IllegalArgumentException e) {
            throw new IOException(file.getFileName() + ": " + e.getMessage(), e);
        }
        ExperimentConfig config = new ExperimentConfig(file, cm);
        for (ConfigOverride o : overrides) {
            config.apply(o);
        }
        return config;
    }

    private void apply(ConfigOverride o) {
        if (!cm.containsConfigurable(o.component())) {
            throw new InvalidOverrideException(o.toString(), file.getFileName() + " has no component '"
                    + o.component() + "' (it has " + new TreeSet<>(cm.getComponentNames()) + ")", null);
        }
        try {
            cm.overrideConfigurableProperty(o.component(), o.field(), property(o));
        } catch (PropertyException e) {
            throw new InvalidOverrideException(o.toString(), e.getMsg(), e);
        }
    }

    /** The override's value; comma separated for a list field (such as a space's ops). */
    private Property property(ConfigOverride o) {
        if (!isListField(o.component(), o.field())) {
            return new SimpleProperty(o.value());
        }
        List<SimpleProperty> items = new ArrayList<>();
        for (String item : o.value().split(",")) {
            if (!item.isBlank()) {
                items.add(new SimpleProperty(item.trim()));
            }
        }
        return new ListProperty(items);
    }

    private boolean isListField(String component, String field) {
        Optional<ConfigurationData> data = cm.getConfigurationData(component);
        if (data.isEmpty()) {
            return false;
        }
        try {
            for (Class<?> c = Class.forName(data.get().getClassName()); c != null; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (f.getName().equals(field) && f.isAnnotationPresent(Config.class)) {
                        return List.class.isAssignableFrom(f.getType());
                    }
                }
            }
        } catch (ClassNotFoundException e) {
            return false;
        }
        return false;
    }

    /** The configuration file. */
    public Path file() {
        return file;
    }

    /** The configuration manager. */
    public ConfigurationManager configurationManager() {
        return cm;
    }

    /**
     * Builds the trainer.
     * @return The trainer.
     * @throws IOException If there is no {@value #TRAINER} component, it is not a GaeaTrainer, or a setting is invalid.
     */
    public GaeaTrainer trainer() throws IOException {
        Configurable c = lookup(TRAINER);
        if (!(c instanceof GaeaTrainer trainer)) {
            throw new IOException(file.getFileName() + ": component '" + TRAINER + "' is a " + c.getClass().getName()
                    + ", expected " + GaeaTrainer.class.getName());
        }
        return trainer;
    }

    /**
     * Builds (and so reads) the training data source.
     * @return The source.
     * @throws IOException If it is missing, not a labelled configurable data source, or cannot be read.
     */
    public ConfigurableDataSource<Label> trainSource() throws IOException {
        return source(TRAIN_SOURCE);
    }

    /**
     * Whether the configuration has a test source.
     * @return True when {@value #TEST_SOURCE} is defined.
     */
    public boolean hasTestSource() {
        return cm.containsConfigurable(TEST_SOURCE);
    }

    /**
     * Builds (and so reads) the test data source, if configured.
     * @return The source, or empty.
     * @throws IOException If it is not a labelled configurable data source, or cannot be read.
     */
    public Optional<ConfigurableDataSource<Label>> testSource() throws IOException {
        return hasTestSource() ? Optional.of(source(TEST_SOURCE)) : Optional.empty();
    }

    private ConfigurableDataSource<Label> source(String name) throws IOException {
        Configurable c = lookup(name);
        if (!(c instanceof ConfigurableDataSource<?> source)) {
            throw new IOException(file.getFileName() + ": component '" + name + "' is a " + c.getClass().getName()
                    + ", expected a ConfigurableDataSource such as org.tribuo.datasource.IDXDataSource");
        }
        if (!(source.getOutputFactory() instanceof LabelFactory)) {
            throw new IOException(file.getFileName() + ": component '" + name + "' produces "
                    + source.getOutputFactory().getClass().getSimpleName() + " outputs; GAEA classifies, use a "
                    + LabelFactory.class.getName() + " as its outputFactory");
        }
        @SuppressWarnings("unchecked") // checked through the output factory
        ConfigurableDataSource<Label> labelled = (ConfigurableDataSource<Label>) source;
        return labelled;
    }

    private Configurable lookup(String name) throws IOException {
        if (!cm.containsConfigurable(name)) {
            throw new IOException(file.getFileName() + " has no component named '" + name + "' (it has "
                    + new TreeSet<>(cm.getComponentNames()) + ")");
        }
        try {
            return cm.lookup(name);
        } catch (PropertyException e) {
            throw new IOException(file.getFileName() + ": cannot build component '" + name + "': " + messageOf(e), e);
        }
    }

    /** The message of a configuration failure, including the underlying cause (e.g. a missing data file). */
    private static String messageOf(PropertyException e) {
        String message = e.getMessage();
        Throwable cause = e.getCause();
        while (cause != null) {
            if (cause.getMessage() != null && !message.contains(cause.getMessage())) {
                message += ": " + cause.getMessage();
            }
            cause = cause.getCause();
        }
        return message;
    }
}
