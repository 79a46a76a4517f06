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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.nas.checkpoint.CheckpointException;
import org.tribuo.nas.checkpoint.RunCheckpoints;
import org.tribuo.nas.checkpoint.RunPhase;
import org.tribuo.nas.protos.GaeaModelProto;
import org.tribuo.nas.darts.DartsSearchSpace;
import org.tribuo.nas.data.ImageInput;
import org.tribuo.nas.search.GumbelRelaxation;
import org.tribuo.nas.search.SearchSchedule;
import org.tribuo.nas.search.SearchScheme;
import org.tribuo.nas.search.SoftmaxAdamUpdate;
import org.tribuo.nas.train.FinalTraining;
import org.tribuo.nas.testutil.FashionFixture;
import org.tribuo.nas.loop.TrainingDivergedException;
import org.tribuo.nas.loop.EpochFigures;
import org.tribuo.nas.loop.TrainingProgress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checkpoints: a run stopped after any epoch and started again on the same folder ends with the
 * model an uninterrupted run gives; checkpoints of another run, damaged checkpoints and
 * divergence are reported clearly.
 */
public class CheckpointResumeTest {

    /** Stands in for a crash: thrown by a progress receiver after a chosen epoch was checkpointed. */
    private static final class SimulatedCrash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SimulatedCrash(String where) {
            super("simulated crash after " + where);
        }
    }

    private static TrainingProgress crashAfter(RunPhase phase, int epoch) {
        return new TrainingProgress() {
            @Override
            public void onEpoch(RunPhase finished, EpochFigures figures) {
                if (finished == phase && figures.epoch() == epoch) {
                    throw new SimulatedCrash(finished.label() + " epoch " + epoch);
                }
            }
        };
    }

    private static GaeaTrainer.Builder twoEpochs(long seed) {
        return TinyTrainers.tiny(seed).search(TinyTrainers.schedule().epochs(2).build())
                .finalTraining(TinyTrainers.finalTraining().epochs(2).build());
    }

    private static String withoutTimes(String historyJson) {
        return historyJson.replaceAll("\"seconds\" : [0-9.E-]+", "");
    }

    private static void assertSameModel(GaeaModel expected, GaeaModel actual, MutableDataset<Label> test)
            throws com.google.protobuf.InvalidProtocolBufferException {
        assertEquals(expected.genotype(), actual.genotype());
        assertEquals(withoutTimes(expected.searchHistoryJson()), withoutTimes(actual.searchHistoryJson()),
                "α history, losses and accuracies");
        assertEquals(expected.serialize().getSerializedData().unpack(GaeaModelProto.class).getParameters(),
                actual.serialize().getSerializedData().unpack(GaeaModelProto.class).getParameters(), "weights");
        List<Prediction<Label>> pe = expected.predict(test);
        List<Prediction<Label>> pa = actual.predict(test);
        for (int i = 0; i < pe.size(); i++) {
            for (String label : pe.get(i).getOutputScores().keySet()) {
                assertEquals(pe.get(i).getOutputScores().get(label).getScore(),
                        pa.get(i).getOutputScores().get(label).getScore(), "score of " + label + " for test example " + i);
            }
        }
    }

    @Test
    public void runStoppedAfterAnyEpochResumesToTheUninterruptedModel(@TempDir Path dir) throws Exception {
        MutableDataset<Label> train = FashionFixture.datasetHead("train", 96);
        MutableDataset<Label> test = FashionFixture.datasetHead("t10k", 32);
        Path checkpoints = dir.resolve("checkpoints");
        try (GaeaModel reference = twoEpochs(31).build().train(train)) {
            GaeaTrainer first = twoEpochs(31).build();
            first.setCheckpointDirectory(checkpoints);
            first.setProgress(crashAfter(RunPhase.SEARCH, 1));
            assertThrows(SimulatedCrash.class, () -> first.train(train));
            assertTrue(Files.exists(checkpoints.resolve(RunCheckpoints.SEARCH_FILE)));
            assertFalse(Files.exists(checkpoints.resolve(RunCheckpoints.FINAL_FILE)));

            GaeaTrainer second = twoEpochs(31).build();
            second.setCheckpointDirectory(checkpoints);
            second.setProgress(crashAfter(RunPhase.FINAL_TRAINING, 1));
            assertThrows(SimulatedCrash.class, () -> second.train(train));
            assertTrue(Files.exists(checkpoints.resolve(RunCheckpoints.FINAL_FILE)));

            GaeaTrainer third = twoEpochs(31).build();
            third.setCheckpointDirectory(checkpoints);
            try (GaeaModel resumed = third.train(train)) {
                assertSameModel(reference, resumed, test);
            }
            // A finished run's checkpoints give the same model again without training.
            GaeaTrainer again = twoEpochs(31).build();
            again.setCheckpointDirectory(checkpoints);
            again.setProgress(new TrainingProgress() {
                @Override
                public void onStep(RunPhase phase, int epoch, int step) {
                    throw new AssertionError("a finished run trained again: " + phase + " epoch " + epoch);
                }
            });
            try (GaeaModel replayed = again.train(train)) {
                assertSameModel(reference, replayed, test);
            }
        }
    }

    @Test
    public void bilevelSoftmaxSearchResumesToo(@TempDir Path dir) throws Exception {
        MutableDataset<Label> train = FashionFixture.datasetHead("train", 128);
        MutableDataset<Label> test = FashionFixture.datasetHead("t10k", 16);
        GaeaTrainer.Builder builder = TinyTrainers.tiny(32)
                .search(TinyTrainers.schedule().epochs(2).examples(128).scheme(SearchScheme.BILEVEL).build())
                .architectureUpdate(new SoftmaxAdamUpdate(0.05f, 0f, 1e-3f, 0.5f, 0.999f));
        try (GaeaModel reference = builder.build().train(train)) {
            GaeaTrainer first = builder.build();
            first.setCheckpointDirectory(dir);
            first.setProgress(crashAfter(RunPhase.SEARCH, 1));
            assertThrows(SimulatedCrash.class, () -> first.train(train));
            GaeaTrainer second = builder.build();
            second.setCheckpointDirectory(dir);
            try (GaeaModel resumed = second.train(train)) {
                assertSameModel(reference, resumed, test);
            }
        }
    }

    @Test
    public void gumbelSearchResumesToTheSameSamples(@TempDir Path dir) throws Exception {
        MutableDataset<Label> train = FashionFixture.datasetHead("train", 96);
        MutableDataset<Label> test = FashionFixture.datasetHead("t10k", 16);
        GaeaTrainer.Builder builder = TinyTrainers.tiny(33)
                .search(TinyTrainers.schedule().epochs(2).archWarmupEpochs(0).build())
                .relaxation(new GumbelRelaxation());
        try (GaeaModel reference = builder.build().train(train)) {
            GaeaTrainer first = builder.build();
            first.setCheckpointDirectory(dir);
            first.setProgress(crashAfter(RunPhase.SEARCH, 1));
            assertThrows(SimulatedCrash.class, () -> first.train(train));
            GaeaTrainer second = builder.build();
            second.setCheckpointDirectory(dir);
            try (GaeaModel resumed = second.train(train)) {
                assertSameModel(reference, resumed, test);
            }
        }
    }

    @Test
    public void pcDartsWithDropPathCutoutCropAndFlipResumesToo(@TempDir Path dir) throws Exception {
        MutableDataset<Label> train = FashionFixture.datasetHead("train", 64);
        MutableDataset<Label> test = FashionFixture.datasetHead("t10k", 16);
        GaeaTrainer.Builder builder = GaeaTrainer.builder().input(new ImageInput(FashionFixture.SHAPE))
                .space(DartsSearchSpace.builder().searchNetwork(8, 3).finalNetwork(8, 3).finalRegularization(0.4f, 0.3f, 12).build())
                .search(SearchSchedule.builder().epochs(1).batchSize(16).examples(32).build())
                .finalTraining(FinalTraining.builder().epochs(2).batchSize(16).examples(32).randomCropPadding(4)
                        .horizontalFlip(true).build())
                .seed(34).device("cpu");
        try (GaeaModel reference = builder.build().train(train)) {
            GaeaTrainer first = builder.build();
            first.setCheckpointDirectory(dir);
            first.setProgress(crashAfter(RunPhase.FINAL_TRAINING, 1));
            assertThrows(SimulatedCrash.class, () -> first.train(train));
            GaeaTrainer second = builder.build();
            second.setCheckpointDirectory(dir);
            try (GaeaModel resumed = second.train(train)) {
                assertSameModel(reference, resumed, test);
                assertArrayEquals(reference.beta(), resumed.beta());
            }
        }
    }

    @Test
    public void checkpointOfAnotherConfigurationIsRefusedNamingTheFields(@TempDir Path dir) {
        MutableDataset<Label> train = FashionFixture.datasetHead("train", 96);
        GaeaTrainer first = twoEpochs(33).build();
        first.setCheckpointDirectory(dir);
        first.setProgress(crashAfter(RunPhase.SEARCH, 1));
        assertThrows(SimulatedCrash.class, () -> first.train(train));

        GaeaTrainer changed = twoEpochs(33).search(TinyTrainers.schedule().epochs(2).learningRate(0.05f, 0.001f).build()).build();
        changed.setCheckpointDirectory(dir);
        CheckpointException e = assertThrows(CheckpointException.class, () -> changed.train(train));
        assertTrue(e.getMessage().contains("trainer.search.learningRate: checkpoint 0.025, now 0.05"), e.getMessage());
        assertFalse(e.getMessage().contains("trainer.seed"), e.getMessage());

        GaeaTrainer otherData = twoEpochs(33).build();
        otherData.setCheckpointDirectory(dir);
        e = assertThrows(CheckpointException.class, () -> otherData.train(FashionFixture.datasetHead("train", 97)));
        assertTrue(e.getMessage().contains("data.examples: checkpoint 96, now 97"), e.getMessage());
        assertTrue(e.getMessage().contains("data.sha256"), e.getMessage());
    }

    @Test
    public void damagedCheckpointIsRefusedAndStaleTemporaryFilesAreRemoved(@TempDir Path dir) throws IOException {
        MutableDataset<Label> train = FashionFixture.datasetHead("train", 96);
        GaeaTrainer first = twoEpochs(34).build();
        first.setCheckpointDirectory(dir);
        first.setProgress(crashAfter(RunPhase.SEARCH, 1));
        assertThrows(SimulatedCrash.class, () -> first.train(train));

        Path file = dir.resolve(RunCheckpoints.SEARCH_FILE);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);
        Path stale = dir.resolve("." + RunCheckpoints.SEARCH_FILE + ".12345.tmp");
        Files.write(stale, new byte[]{1, 2, 3});

        GaeaTrainer second = twoEpochs(34).build();
        second.setCheckpointDirectory(dir);
        CheckpointException e = assertThrows(CheckpointException.class, () -> second.train(train));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("damaged"), e.getMessage());
        assertFalse(Files.exists(stale), "a temporary file of an interrupted write is deleted");
    }

    @Test
    public void divergenceStopsNamingTheEpochAndKeepsTheLastGoodCheckpoint(@TempDir Path dir) throws IOException {
        MutableDataset<Label> train = FashionFixture.datasetHead("train", 256);
        // The cosine schedule rises from 0.025 in epoch 1 to ~1.5e11 in epoch 2: weight decay then
        // multiplies the weights by about -4e7 per step, so they overflow within a few steps.
        GaeaTrainer trainer = diverging(35);
        trainer.setCheckpointDirectory(dir);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> trainer.train(train));
        assertEquals(2, e.epoch(), e.getMessage());
        assertTrue(e.getMessage().contains("search") && e.getMessage().contains("epoch 2"), e.getMessage());
        Path file = dir.resolve(RunCheckpoints.SEARCH_FILE);
        assertTrue(e.getMessage().contains("last good checkpoint is kept: search epoch 1 in " + file), e.getMessage());
        // The kept checkpoint is epoch 1's: a run of the same configuration resumes from it (and diverges again).
        GaeaTrainer again = diverging(35);
        again.setCheckpointDirectory(dir);
        e = assertThrows(TrainingDivergedException.class, () -> again.train(train));
        assertEquals(2, e.epoch(), e.getMessage());
    }

    private static GaeaTrainer diverging(long seed) {
        return TinyTrainers.tiny(seed)
                .search(TinyTrainers.schedule().epochs(2).examples(256).learningRate(0.025f, 1e12f).build()).build();
    }
}
