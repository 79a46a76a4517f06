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

package org.tribuo.nas.repro;

import com.oracle.labs.mlrg.olcut.config.Configurable;
import com.oracle.labs.mlrg.olcut.config.ConfigurationData;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.config.property.SimpleProperty;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;

import org.tribuo.ConfigurableDataSource;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.nas.GaeaTrainer;
import org.tribuo.provenance.DataProvenance;
import org.tribuo.provenance.DatasetProvenance;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;

import java.util.List;
import java.util.Objects;

/**
 * Rebuilds, from a model's provenance, the {@link GaeaTrainer} (in the state it was in when it
 * trained the model) and the training dataset.
 * <p>
 * The provenance becomes an OLCUT configuration ({@code ProvenanceUtil.extractConfiguration});
 * fields can be overridden before anything is built, e.g. a moved data file
 * ({@link #overrideSource overrideSource("featuresPath", ...)}) or a changed seed. Supported
 * datasets are a {@link MutableDataset} over a {@link ConfigurableDataSource} (such as
 * {@code IDXDataSource} or {@code CSVDataSource}) without transformations.
 * <p>
 * Each instance builds the trainer and the dataset once.
 */
public final class ProvenanceRecovery {

    private final ModelProvenance provenance;
    private final ConfigurationManager cm;
    private final String trainerComponent;
    private final String sourceComponent;
    private boolean sourceOverridden;

    private ProvenanceRecovery(ModelProvenance provenance) {
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        TrainerProvenance trainerProvenance = provenance.getTrainerProvenance();
        if (!GaeaTrainer.class.getName().equals(trainerProvenance.getClassName())) {
            throw new ReproductionException("the model was trained by " + trainerProvenance.getClassName()
                    + ", only " + GaeaTrainer.class.getName() + " models can be reproduced here");
        }
        List<ConfigurationData> configuration;
        try {
            configuration = ProvenanceUtil.extractConfiguration(provenance);
        } catch (RuntimeException e) {
            throw new ReproductionException("cannot turn the model's provenance into a configuration: " + e.getMessage(), e);
        }
        this.cm = new ConfigurationManager();
        cm.addConfiguration(configuration);
        this.trainerComponent = single(cm.listAll(GaeaTrainer.class), "GaeaTrainer");
        this.sourceComponent = single(cm.listAll(sourceClass(provenance.getDatasetProvenance())),
                provenance.getDatasetProvenance().getSourceProvenance().getClassName());
    }

    /**
     * Reads a model provenance.
     * @param provenance The provenance of a {@code GaeaModel}.
     * @return The recovery.
     * @throws ReproductionException If the trainer is not a GaeaTrainer, or the dataset or data
     *                               source is of an unsupported kind.
     */
    public static ProvenanceRecovery of(ModelProvenance provenance) {
        return new ProvenanceRecovery(provenance);
    }

    private static String single(List<String> names, String what) {
        if (names.size() != 1) {
            throw new ReproductionException("expected one " + what + " in the model's provenance, found "
                    + names.size() + " " + names);
        }
        return names.get(0);
    }

    @SuppressWarnings("unchecked") // checked with isAssignableFrom
    private static Class<? extends Configurable> sourceClass(DatasetProvenance dataset) {
        if (!MutableDataset.class.getName().equals(dataset.getClassName())) {
            throw new ReproductionException("the model was trained on a " + dataset.getClassName()
                    + "; only a MutableDataset over a configurable data source can be rebuilt (views such as "
                    + "cross-validation folds or bags cannot)");
        }
        if (!dataset.getTransformationProvenance().getList().isEmpty()) {
            throw new ReproductionException("the training dataset was transformed ("
                    + dataset.getTransformationProvenance().getList().size() + " transformations); rebuilding "
                    + "transformed datasets is not supported");
        }
        DataProvenance source = dataset.getSourceProvenance();
        if (!(source instanceof ConfiguredObjectProvenance)) {
            throw new ReproductionException("the training data came from a " + source.getClassName()
                    + ", which is not configurable; only ConfigurableDataSources (e.g. IDXDataSource, CSVDataSource) "
                    + "can be rebuilt from provenance");
        }
        Class<?> c;
        try {
            c = Class.forName(source.getClassName());
        } catch (ClassNotFoundException e) {
            throw new ReproductionException("the data source class " + source.getClassName() + " is not on the classpath", e);
        }
        if (!ConfigurableDataSource.class.isAssignableFrom(c)) {
            throw new ReproductionException(source.getClassName() + " is not a ConfigurableDataSource");
        }
        return (Class<? extends Configurable>) c;
    }

    /**
     * The configuration component name of the trainer, e.g. {@code gaeatrainer-0}.
     * @return The name.
     */
    public String trainerComponent() {
        return trainerComponent;
    }

    /**
     * The configuration component name of the training data source, e.g. {@code idxdatasource-1}.
     * @return The name.
     */
    public String sourceComponent() {
        return sourceComponent;
    }

    /**
     * The configuration manager holding the recovered configuration.
     * @return The manager.
     */
    public ConfigurationManager configurationManager() {
        return cm;
    }

    /**
     * Overrides a trainer field before the trainer is built.
     * @param field The {@code @Config} field name, e.g. {@code seed}.
     * @param value Its new value, as in a configuration file.
     * @throws ReproductionException If the trainer has no such field, or was already built.
     */
    public void overrideTrainer(String field, String value) {
        override(trainerComponent, field, value);
    }

    /**
     * Overrides a data source field before the dataset is built.
     * @param field The {@code @Config} field name, e.g. {@code featuresPath}.
     * @param value Its new value, as in a configuration file.
     * @throws ReproductionException If the source has no such field, or was already built.
     */
    public void overrideSource(String field, String value) {
        override(sourceComponent, field, value);
        sourceOverridden = true;
    }

    private void override(String component, String field, String value) {
        try {
            cm.overrideConfigurableProperty(component, field, new SimpleProperty(value));
        } catch (PropertyException e) {
            throw new ReproductionException("cannot set " + component + "." + field + ": " + e.getMessage(), e);
        }
    }

    /**
     * Builds the trainer and sets its invocation count to the recorded one, so its random
     * generator is in the state it was in when it trained the model.
     * @return The trainer.
     * @throws ReproductionException If the configuration is invalid.
     */
    public GaeaTrainer trainer() {
        GaeaTrainer trainer;
        try {
            trainer = (GaeaTrainer) cm.lookup(trainerComponent);
        } catch (PropertyException e) {
            throw new ReproductionException("cannot rebuild the trainer: " + e.getMessage(), e);
        }
        PrimitiveProvenance<?> count = provenance.getTrainerProvenance().getInstanceValues()
                .get(TrainerProvenance.TRAIN_INVOCATION_COUNT);
        if (count == null || !(count.getValue() instanceof Number n)) {
            throw new ReproductionException("the trainer provenance has no " + TrainerProvenance.TRAIN_INVOCATION_COUNT);
        }
        trainer.setInvocationCount(n.intValue());
        return trainer;
    }

    /**
     * Builds the data source and loads it into a dataset.
     * @return The training dataset.
     * @throws ReproductionException If the data cannot be read (e.g. the files moved; override the
     *                               paths with {@link #overrideSource}), is not labelled, or (without
     *                               source overrides) has another number of examples than recorded.
     */
    public MutableDataset<Label> dataset() {
        Configurable configured;
        try {
            configured = cm.lookup(sourceComponent);
        } catch (PropertyException e) {
            throw new ReproductionException("cannot rebuild the training data source " + sourceComponent + ": "
                    + e.getMessage() + " (moved data? override the data source's paths)", e);
        }
        ConfigurableDataSource<?> source = (ConfigurableDataSource<?>) configured;
        if (!(source.getOutputFactory() instanceof LabelFactory)) {
            throw new ReproductionException("the training data source produces "
                    + source.getOutputFactory().getClass().getSimpleName() + " outputs, not Labels");
        }
        @SuppressWarnings("unchecked") // checked through the output factory
        ConfigurableDataSource<Label> labelled = (ConfigurableDataSource<Label>) source;
        MutableDataset<Label> dataset = new MutableDataset<>(labelled);
        if (provenance.getDatasetProvenance().isDense()) {
            dataset.densify();
        }
        int recorded = provenance.getDatasetProvenance().getNumExamples();
        if (!sourceOverridden && dataset.size() != recorded) {
            throw new ReproductionException("the model was trained on " + recorded + " examples but its data source "
                    + "now yields " + dataset.size() + ": either the data changed, or the training set was built from "
                    + "part of the source (by hand), which its provenance cannot describe");
        }
        return dataset;
    }
}
