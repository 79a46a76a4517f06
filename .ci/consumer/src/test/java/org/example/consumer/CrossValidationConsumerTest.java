/*
 * Copyright (c) 2026 tribuo-nas authors. Licensed under the Apache License, Version 2.0.
 */

package org.example.consumer;

import com.oracle.labs.mlrg.olcut.util.Pair;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.datasource.IDXDataSource;
import org.tribuo.evaluation.CrossValidation;
import org.tribuo.nas.GaeaModel;
import org.tribuo.nas.GaeaTrainer;
import org.tribuo.nas.GaeaTrainerProvenance;
import org.tribuo.nas.TribuoNasVersion;
import org.tribuo.nas.data.ImageInput;
import org.tribuo.nas.data.ImageShape;
import org.tribuo.nas.nb201.Nb201SearchSpace;
import org.tribuo.nas.search.SearchSchedule;
import org.tribuo.nas.train.FinalTraining;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a Tribuo user does with the tribuo-nas dependency: a GaeaTrainer inside Tribuo's own
 * CrossValidation, on Fashion-MNIST images; and what the dependency must not bring along.
 */
public class CrossValidationConsumerTest {

    @Test
    public void gaeaTrainerRunsInsideCrossValidation() throws Exception {
        Path dir = Paths.get(System.getProperty("fixture.dir"));
        IDXDataSource<Label> source = new IDXDataSource<>(dir.resolve("train-images-idx3-ubyte.gz"),
                dir.resolve("train-labels-idx1-ubyte.gz"), new LabelFactory());
        MutableDataset<Label> data = new MutableDataset<>(source.getProvenance(), source.getOutputFactory());
        for (Example<Label> example : source) {
            if (data.size() == 128) {
                break;
            }
            data.add(example);
        }
        GaeaTrainer trainer = GaeaTrainer.builder()
                .input(new ImageInput(new ImageShape(1, 28, 28)))
                .space(Nb201SearchSpace.builder().searchNetwork(16, 1).finalNetwork(16, 1).build())
                .search(SearchSchedule.builder().epochs(1).batchSize(32).examples(64).build())
                .finalTraining(FinalTraining.builder().epochs(1).batchSize(32).build())
                .seed(1).device("cpu").build();
        CrossValidation<Label, LabelEvaluation> cv = new CrossValidation<>(trainer, data, new LabelEvaluator(), 2, 1L);
        List<Pair<LabelEvaluation, Model<Label>>> folds = cv.evaluate();
        assertEquals(2, folds.size());
        for (Pair<LabelEvaluation, Model<Label>> fold : folds) {
            assertEquals(64, fold.getA().getPredictions().size());
            try (GaeaModel model = (GaeaModel) fold.getB()) {
                GaeaTrainerProvenance provenance = (GaeaTrainerProvenance) model.getProvenance().getTrainerProvenance();
                assertEquals(TribuoNasVersion.VERSION, provenance.tribuoNasVersion());
                assertEquals("cpu", provenance.resolvedDevice());
            }
        }
    }

    @Test
    public void theLibraryBringsNoLoggingBindingCliOrCharts() {
        for (String name : new String[]{"org.slf4j.jul.JDK14LoggerAdapter", "org.slf4j.simple.SimpleLogger",
                "ch.qos.logback.classic.Logger", "org.apache.logging.slf4j.Log4jLogger",
                "org.tribuo.nas.cli.TribuoNasCli", "org.tribuo.nas.report.SearchReport",
                "me.tongfei.progressbar.ProgressBar", "org.knowm.xchart.XYChart"}) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(name), name + " came with the dependency");
        }
        assertTrue(GaeaTrainer.class.getProtectionDomain().getCodeSource().getLocation().getPath()
                .endsWith(".jar"), "tribuo-nas comes from the installed jar");
    }
}
