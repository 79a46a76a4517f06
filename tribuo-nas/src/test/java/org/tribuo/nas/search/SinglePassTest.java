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

package org.tribuo.nas.search;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.nas.arch.ArchitectureGeometry;
import org.tribuo.nas.arch.ArchitectureState;
import org.tribuo.nas.arch.ArchitectureWeights;
import org.tribuo.nas.arch.GumbelSampler;
import org.tribuo.nas.checkpoint.RunCheckpoints;
import org.tribuo.nas.checkpoint.RunFingerprint;
import org.tribuo.nas.checkpoint.RunPhase;
import org.tribuo.nas.darts.DartsSearchSpace;
import org.tribuo.nas.data.BatchFactory;
import org.tribuo.nas.data.ImageData;
import org.tribuo.nas.data.ImageShape;
import org.tribuo.nas.data.Normalization;
import org.tribuo.nas.nb201.Nb201SearchSpace;
import org.tribuo.nas.nb201.Nb201Space;
import org.tribuo.nas.nn.MemoryLayout;
import org.tribuo.nas.space.OpSelection;
import org.tribuo.nas.space.SearchSpace;
import org.tribuo.nas.space.SupernetSettings;
import org.tribuo.nas.testutil.FashionFixture;
import org.tribuo.nas.runtime.DjlRuntime;
import org.tribuo.nas.loop.EpochFigures;
import org.tribuo.nas.loop.SgdOptimizer;
import org.tribuo.nas.loop.TrainingProgress;
import org.tribuo.nas.util.InvalidSettingException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.tribuo.nas.search.SinglePassFixture.schedule;
import static org.tribuo.nas.search.SinglePassFixture.tiny;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The single-pass search: deterministic, resumes exactly, its warm-up epochs are the two-pass
 * ones, and the bilevel scheme refuses it ({@link SinglePassGradientTest} checks its gradients).
 */
public class SinglePassTest {

    private static ImageData data;
    private static Normalization norm;

    @BeforeAll
    public static void load() {
        data = FashionFixture.trainImages(32);
        norm = Normalization.fit(data);
    }

    // ----- whole searches -------------------------------------------------------------------

    /** Stands in for a crash: thrown by a progress receiver after a chosen epoch was checkpointed. */
    private static final class SimulatedCrash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SimulatedCrash() {
            super("simulated crash");
        }
    }

    private static SearchResult run(SearchConfig config, TrainingProgress progress, RunCheckpoints checkpoints) {
        return new GaeaSearch(config).run(data, 10, norm, progress, checkpoints);
    }

    private static SearchResult run(SearchConfig config) {
        return run(config, TrainingProgress.NONE, RunCheckpoints.disabled());
    }

    private static void assertSameSearch(SearchResult expected, SearchResult actual) {
        assertEquals(expected.genotype(), actual.genotype());
        assertArrayEquals(expected.alpha(), actual.alpha());
        assertArrayEquals(expected.beta(), actual.beta());
        List<EpochRecord> e = expected.history().epochs();
        List<EpochRecord> a = actual.history().epochs();
        assertEquals(e.size(), a.size());
        for (int i = 0; i < e.size(); i++) {
            assertSameEpoch(e.get(i), a.get(i));
        }
    }

    /** Everything an epoch record holds but its time. */
    private static void assertSameEpoch(EpochRecord expected, EpochRecord actual) {
        String where = "epoch " + expected.epoch();
        assertEquals(expected.epoch(), actual.epoch());
        assertEquals(expected.trainLoss(), actual.trainLoss(), 0.0, where + " loss");
        assertEquals(expected.trainAccuracy(), actual.trainAccuracy(), 0.0, where + " accuracy");
        assertEquals(expected.meanEntropy(), actual.meanEntropy(), 0.0, where + " entropy");
        assertEquals(expected.genotype(), actual.genotype(), where + " genotype");
        assertArrayEquals(expected.alpha(), actual.alpha(), where + " α");
        assertArrayEquals(expected.beta(), actual.beta(), where + " β");
    }

    private static void assertResumesExactly(SearchConfig config, int crashAfter, Path dir) {
        SearchResult reference = run(config);
        RunFingerprint fingerprint = new RunFingerprint(Map.of("search", config.toString()));
        try (RunCheckpoints checkpoints = RunCheckpoints.open(dir, fingerprint)) {
            assertThrows(SimulatedCrash.class, () -> run(config, new TrainingProgress() {
                @Override
                public void onEpoch(RunPhase phase, EpochFigures figures) {
                    if (figures.epoch() == crashAfter) {
                        throw new SimulatedCrash();
                    }
                }
            }, checkpoints));
        }
        assertTrue(Files.exists(dir.resolve(RunCheckpoints.SEARCH_FILE)));
        List<Integer> epochsRun = new ArrayList<>();
        SearchResult resumed;
        try (RunCheckpoints checkpoints = RunCheckpoints.open(dir, fingerprint)) {
            resumed = run(config, new TrainingProgress() {
                @Override
                public void onEpoch(RunPhase phase, EpochFigures figures) {
                    epochsRun.add(figures.epoch());
                }
            }, checkpoints);
        }
        assertEquals(IntStream.rangeClosed(crashAfter + 1, config.epochs()).boxed().toList(), epochsRun,
                "the resumed search runs only the epochs after the checkpoint");
        assertSameSearch(reference, resumed);
    }

    @Test
    public void softmaxAdamSearchStoppedAfterAnEpochResumesToTheUninterruptedOne(@TempDir Path dir) {
        assertResumesExactly(tiny(new SoftmaxAdamUpdate(), new ContinuousRelaxation()), 1, dir);
    }

    @Test
    public void gumbelSearchWithWarmUpResumesToTheUninterruptedOne(@TempDir Path dir) {
        assertResumesExactly(tiny(new ExponentiatedGradientUpdate(), new GumbelRelaxation(), schedule().archWarmupEpochs(1)), 1, dir);
    }

    @Test
    public void oneSeedGivesTheSameSearchTwice() {
        SearchConfig config = tiny();
        SearchResult a = run(config);
        assertSameSearch(a, run(config));
        assertNotEquals(0.25f, a.alpha()[0][0], "the single pass moved α");
        // The two passes' first weight step already mixes with the updated α.
        assertNotEquals(a.history().epochs().get(0).trainLoss(), run(tiny(new ExponentiatedGradientUpdate(), new ContinuousRelaxation(),
                schedule().singlePass(false).epochs(1)))
                .history().epochs().get(0).trainLoss(), "the single pass is not the two-pass search");
    }

    @Test
    public void warmUpEpochsAreTheTwoPassOnesExactly() {
        SearchConfig single = tiny(new ExponentiatedGradientUpdate(), new GumbelRelaxation(), schedule().archWarmupEpochs(1));
        SearchConfig twoPass = tiny(new ExponentiatedGradientUpdate(), new GumbelRelaxation(),
                schedule().archWarmupEpochs(1).singlePass(false));
        EpochRecord s = run(single).history().epochs().get(0);
        EpochRecord t = run(twoPass).history().epochs().get(0);
        assertSameEpoch(t, s);
    }

    // ----- settings -------------------------------------------------------------------------

    @Test
    public void bilevelRefusesTheSinglePassNamingBothSettings(@TempDir Path dir) throws Exception {
        InvalidSettingException schedule = assertThrows(InvalidSettingException.class,
                () -> SearchSchedule.builder().scheme(SearchScheme.BILEVEL).singlePass(true).build());
        assertEquals("singlePass", schedule.setting());
        assertTrue(schedule.getMessage().startsWith("singlePass") && schedule.getMessage().contains("scheme BILEVEL"),
                schedule.getMessage());

        Path file = dir.resolve("bilevel-single-pass.xml");
        Files.writeString(file, "<?xml version=\"1.0\"?>\n<config>\n"
                + "  <component name=\"schedule\" type=\"org.tribuo.nas.search.SearchSchedule\">\n"
                + "    <property name=\"scheme\" value=\"BILEVEL\"/>\n"
                + "    <property name=\"singlePass\" value=\"true\"/>\n"
                + "  </component>\n</config>\n");
        ConfigurationManager cm = new ConfigurationManager(file.toString());
        PropertyException pe = assertThrows(PropertyException.class, () -> cm.lookup("schedule"));
        assertTrue(pe.getMessage().contains("SearchSchedule") && pe.getMessage().contains("singlePass")
                && pe.getMessage().contains("scheme BILEVEL"), pe.getMessage());
    }

    @Test
    public void scheduleCarriesTheSettingIntoTheConfigAndProvenance() {
        SearchSchedule on = SearchSchedule.builder().singlePass(true).build();
        SearchSchedule off = SearchSchedule.builder().build();
        Nb201SearchSpace space = new Nb201SearchSpace(Nb201Space.withoutNone());
        assertTrue(SearchConfig.gaea(space, on, 1, "cpu").singlePass());
        assertFalse(SearchConfig.gaea(space, off, 1, "cpu").singlePass());
        assertEquals(Boolean.TRUE, provenanceValue(on, "singlePass"));
        assertEquals(Boolean.FALSE, provenanceValue(off, "singlePass"));
        assertTrue(on.toString().contains("single pass"), on.toString());
        assertFalse(off.toString().contains("single pass"), off.toString());
    }

    private static Object provenanceValue(SearchSchedule schedule, String field) {
        return ((PrimitiveProvenance<?>) schedule.getProvenance().getConfiguredParameters().get(field)).getValue();
    }

    /**
     * LongBudget's checkpoint fingerprints hold {@link SearchConfig#toString()}: a two-pass
     * search's string is the record's string from before singlePass existed.
     */
    @Test
    public void twoPassConfigStringIsUnchanged() {
        Nb201SearchSpace space = Nb201SearchSpace.builder().searchNetwork(16, 1).finalNetwork(16, 1)
                .finalMemoryLayout(MemoryLayout.CONTIGUOUS).build();
        SearchSchedule.Builder schedule = SearchSchedule.builder().scheme(SearchScheme.SINGLE_LEVEL).epochs(11).batchSize(64);
        String before = "SearchConfig[space=NAS-Bench-201(skip_connect,nor_conv_1x1,nor_conv_3x3,avg_pool_3x3), "
                + "supernet=SupernetSettings[channels=16, depth=1, partialChannels=1, edgeWeights=false], "
                + "architecture=ExponentiatedGradientUpdate(archLearningRate=0.1, edgeLearningRate=0.1, "
                + "archEntropicWeight=0.0, clampMin=1.0E-5, normalizeOrder=CLAMP_FIRST), relaxation=CONTINUOUS, "
                + "archWarmupEpochs=0, tauMax=10.0, tauMin=0.1, scheme=SINGLE_LEVEL, epochs=11, batchSize=64, "
                + "weightLearningRate=0.025, weightLearningRateMin=0.001, lrPeriodEpochs=22, momentum=0.9, "
                + "weightDecay=3.0E-4, gradClip=5.0, seed=1, device=cpu]";
        assertEquals(before, SearchConfig.gaea(space, schedule.build(), 1, "cpu").toString());
        assertEquals(before.replace("scheme=SINGLE_LEVEL", "scheme=SINGLE_LEVEL, singlePass=true"),
                SearchConfig.gaea(space, schedule.singlePass(true).build(), 1, "cpu").toString());
    }
}
