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

package org.tribuo.nas.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.nas.GaeaTrainer;
import org.tribuo.nas.darts.DartsSearchSpace;
import org.tribuo.nas.experiment.ExperimentConfig;
import org.tribuo.nas.data.ImageData;
import org.tribuo.nas.data.Normalization;
import org.tribuo.nas.nb201.Nb201SearchSpace;
import org.tribuo.nas.nn.MemoryLayout;
import org.tribuo.nas.search.ArchitectureUpdate;
import org.tribuo.nas.search.ContinuousRelaxation;
import org.tribuo.nas.search.EpochRecord;
import org.tribuo.nas.search.ExponentiatedGradientUpdate;
import org.tribuo.nas.search.GaeaSearch;
import org.tribuo.nas.search.GumbelRelaxation;
import org.tribuo.nas.search.ReferenceSettings;
import org.tribuo.nas.search.SearchConfig;
import org.tribuo.nas.search.SearchRelaxation;
import org.tribuo.nas.search.SearchSchedule;
import org.tribuo.nas.search.SoftmaxAdamUpdate;
import org.tribuo.nas.space.SearchSpace;
import org.tribuo.nas.testutil.FashionFixture;
import org.tribuo.nas.loop.TrainingProgress;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * One configuration path: every method's example config and the same parts built in Java
 * through the {@code search} API give the same resolved search and the same first search epoch.
 * (Before, the search API's own builder gave GAEA GDAS warm-up 0 and η 0.1 and PC-DARTS 3e-4,
 * where the trainer gave the methods' references.)
 */
public class OneRouteTest {

    private static final long SEED = 5;
    private static ImageData images;
    private static Normalization norm;

    @BeforeAll
    public static void data() {
        images = FashionFixture.trainImages(64);
        norm = Normalization.fit(images);
    }

    private static Nb201SearchSpace nb201() {
        return Nb201SearchSpace.builder().searchNetwork(16, 1).finalNetwork(16, 1).finalMemoryLayout(MemoryLayout.CONTIGUOUS)
                .build();
    }

    private static DartsSearchSpace darts(int partialChannels) {
        return DartsSearchSpace.builder().searchNetwork(16, 5).partialChannels(partialChannels).finalNetwork(16, 8).build();
    }

    private static SearchSchedule.Builder nb201Schedule() {
        return SearchSchedule.builder().epochs(3).examples(2000).batchSize(64);
    }

    private static SearchSchedule.Builder dartsSchedule() {
        return SearchSchedule.builder().epochs(2).examples(640).batchSize(32);
    }

    private static SearchConfig api(SearchSpace space, SearchSchedule.Builder schedule, ArchitectureUpdate update,
                                    SearchRelaxation relaxation) {
        return new SearchConfig(space, schedule.build(), update, relaxation, SEED, "auto");
    }

    /** Each method's example config, and the search a Java user writes for the same parts. */
    private static Map<String, SearchConfig> javaRoute() {
        Map<String, SearchConfig> byFile = new LinkedHashMap<>();
        byFile.put("nb201-gaea-darts.xml", api(nb201(), nb201Schedule(), new ExponentiatedGradientUpdate(),
                new ContinuousRelaxation()));
        byFile.put("nb201-darts.xml", api(nb201(), nb201Schedule(), new SoftmaxAdamUpdate(), new ContinuousRelaxation()));
        byFile.put("darts-gaea-pcdarts.xml", api(darts(4), dartsSchedule(), new ExponentiatedGradientUpdate(),
                new ContinuousRelaxation()));
        byFile.put("darts-pcdarts.xml", api(darts(4), dartsSchedule().archWarmupEpochs(1), new SoftmaxAdamUpdate(),
                new ContinuousRelaxation()));
        byFile.put("nb201-gaea-gdas.xml", api(nb201(), nb201Schedule().archWarmupEpochs(1), new ExponentiatedGradientUpdate(),
                new GumbelRelaxation()));
        byFile.put("darts-gaea-gdas.xml", api(darts(1), dartsSchedule().archWarmupEpochs(1), new ExponentiatedGradientUpdate(),
                new GumbelRelaxation()));
        byFile.put("nb201-gdas.xml", api(nb201(), nb201Schedule(), new SoftmaxAdamUpdate(), new GumbelRelaxation()));
        return byFile;
    }

    private static SearchConfig configRoute(String file) throws Exception {
        Path path = ExampleConfigsTest.repositoryRoot().resolve("examples").resolve("config").resolve("methods").resolve(file);
        GaeaTrainer trainer = ExperimentConfig.load(path, List.of()).trainer();
        return trainer.searchConfig(SEED);
    }

    @Test
    public void everyMethodResolvesTheSameThroughItsConfigAndThroughJava() throws Exception {
        Set<String> methods = new TreeSet<>();
        for (Map.Entry<String, SearchConfig> route : javaRoute().entrySet()) {
            SearchConfig java = route.getValue();
            SearchConfig config = configRoute(route.getKey());
            assertEquals(java.toString(), config.toString(), route.getKey());
            assertEquals(java.method(), config.method(), route.getKey());
            ReferenceSettings reference = java.method().reference();
            assertEquals(reference.archLearningRate(), config.architecture().learningRate(), route.getKey());
            methods.add(java.method().name());
        }
        assertEquals(ReferenceSettings.all().stream().map(ReferenceSettings::method).collect(Collectors.toCollection(TreeSet::new)),
                methods, "every method of docs/methods.md has an example config checked here");
    }

    @Test
    public void theJavaRouteGetsEachMethodsReference() {
        SearchConfig gaeaGdas = api(nb201(), nb201Schedule().epochs(60), new ExponentiatedGradientUpdate(), new GumbelRelaxation());
        assertEquals(50, gaeaGdas.archWarmupEpochs());
        assertEquals(0.01f, gaeaGdas.architecture().learningRate());
        assertEquals("archLearningRate=0.01, edgeLearningRate=0.01, archEntropicWeight=0.01, clampMin=1.0E-5, "
                + "normalizeOrder=NORMALIZE_FIRST", gaeaGdas.architecture().describe());
        SearchConfig pcDarts = api(darts(4), dartsSchedule().epochs(20), new SoftmaxAdamUpdate(), new ContinuousRelaxation());
        assertEquals(6e-4f, pcDarts.architecture().learningRate());
        assertEquals(15, pcDarts.archWarmupEpochs());
        assertThrows(org.tribuo.nas.util.InvalidSettingException.class, () -> api(nb201(), nb201Schedule(),
                new ExponentiatedGradientUpdate(), new GumbelRelaxation()), "GAEA GDAS's 50 warm-up epochs leave none of 3");
    }

    @Test
    public void everyMethodsFirstSearchEpochIsTheSameThroughBothRoutes() throws Exception {
        for (Map.Entry<String, SearchConfig> route : javaRoute().entrySet()) {
            EpochRecord java = firstEpoch(route.getValue());
            EpochRecord config = firstEpoch(configRoute(route.getKey()));
            assertEquals(java.trainLoss(), config.trainLoss(), 0.0, route.getKey());
            assertEquals(java.genotype(), config.genotype(), route.getKey());
            assertArrayEquals(java.alpha(), config.alpha(), route.getKey());
            assertArrayEquals(java.beta(), config.beta(), route.getKey());
        }
    }

    /** The first epoch on one batch of images: one step, the least that shows both routes step alike. */
    private static EpochRecord firstEpoch(SearchConfig config) {
        EpochRecord[] first = new EpochRecord[1];
        ImageData batch = images.head(config.batchSize());
        assertThrows(FirstEpochDone.class, () -> new GaeaSearch(config).run(batch, 10, norm,
                TrainingProgress.eachEpoch(EpochRecord.class, r -> {
                    first[0] = r;
                    throw new FirstEpochDone();
                })));
        return first[0];
    }

    private static final class FirstEpochDone extends RuntimeException {
        FirstEpochDone() {
            super("stop after the first search epoch", null, false, false);
        }
    }
}
