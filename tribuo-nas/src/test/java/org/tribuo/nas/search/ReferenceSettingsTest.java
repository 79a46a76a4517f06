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

import org.junit.jupiter.api.Test;
import org.tribuo.nas.arch.ArchitectureGeometry;
import org.tribuo.nas.arch.ExponentiatedGradient;
import org.tribuo.nas.arch.SoftmaxAdam;
import org.tribuo.nas.search.ExponentiatedGradientUpdate.NormalizeOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one table of reference settings against {@code gaea-spec.md} (the authors' code as read
 * for this project), and every part reading it.
 */
public class ReferenceSettingsTest {

    /**
     * The spec's values, transcribed with the sentence each comes from; when the spec is on this
     * machine (a checkout next to {@code ../shared/reference}), each sentence is also found in it.
     */
    private record SpecValue(String method, float rate, float entropicWeight, NormalizeOrder order, int warmup,
                             List<String> sentences) {}

    private static final List<SpecValue> SPEC = List.of(
            new SpecValue("GAEA DARTS", 0.1f, 0f, NormalizeOrder.CLAMP_FIRST, 0, List.of(
                    "`arch_learning_rate` (η_α) is **0.1** for GAEA DARTS on NB201",
                    "It is **0.0** for GAEA DARTS and GAEA PC-DARTS and **0.01** for GAEA GDAS",
                    "There are **no warm-up epochs** for `edarts`/`eedarts`")),
            new SpecValue("GAEA PC-DARTS", 0.1f, 0f, NormalizeOrder.CLAMP_FIRST, 0, List.of(
                    "`edge_learning_rate` (η_β) is **0.1** for GAEA PC-DARTS")),
            new SpecValue("GAEA GDAS", 0.01f, 0.01f, NormalizeOrder.NORMALIZE_FIRST, 50, List.of(
                    "EG step η=**0.01**, then normalize: divide by the row sum FIRST, then clamp ≥1e-5",
                    "`warmup_epochs=50`")),
            new SpecValue("DARTS", 3e-4f, 0f, null, 0, List.of(
                    "use Adam lr 3e-4, wd 1e-3, betas (0.5,0.999)")),
            new SpecValue("PC-DARTS", 6e-4f, 0f, null, 15, List.of(
                    "PC-DARTS lr **6e-4**, wd 1e-3", "starts architecture steps only at **epoch ≥ 15**")),
            new SpecValue("GDAS", 3e-4f, 0f, null, 0, List.of(
                    "θ optimizer: Adam lr 3e-4, betas (0.5,0.999), wd 1e-3.", "with τ 10→0.1")));

    @Test
    public void theTableHoldsTheSpecsValues() throws IOException {
        assertEquals(SPEC.size(), ReferenceSettings.all().size());
        Optional<String> spec = specText();
        for (SpecValue expected : SPEC) {
            ReferenceSettings row = ReferenceSettings.named(expected.method());
            assertEquals(expected.rate(), row.archLearningRate(), expected.method());
            assertEquals(expected.entropicWeight(), row.entropicWeight(), expected.method());
            assertEquals(expected.order(), row.normalizeOrder(), expected.method());
            assertEquals(expected.warmup(), row.warmupEpochs(), expected.method());
            assertEquals(10f, row.tauMax(), expected.method());
            assertEquals(0.1f, row.tauMin(), expected.method());
            spec.ifPresent(text -> expected.sentences().forEach(sentence ->
                    assertTrue(text.contains(sentence), "gaea-spec.md no longer says: " + sentence)));
        }
        assertEquals(1e-5f, ExponentiatedGradient.CLAMP_MIN);
        assertEquals(1e-3f, ReferenceSettings.ADAM_WEIGHT_DECAY);
        assertEquals(0.5f, SoftmaxAdam.DEFAULT_BETA1);
        assertEquals(0.999f, SoftmaxAdam.DEFAULT_BETA2);
    }

    @Test
    public void everyPartReadsTheTable() {
        for (ReferenceSettings row : ReferenceSettings.all()) {
            SearchMethod method = method(row.method());
            assertEquals(row.method(), method.name());
            assertEquals(row, method.reference());
            ArchitectureUpdate update = ArchitectureUpdate.reference(method.geometry()).resolve(method);
            assertEquals(row.archLearningRate(), update.learningRate(), row.method());
            assertEquals(row.archLearningRate(), update.edgeLearningRate(), row.method());
            if (update instanceof ExponentiatedGradientUpdate eg) {
                ExponentiatedGradient.Options options = eg.options();
                assertEquals(row.entropicWeight(), options.entropicWeight(), row.method());
                assertEquals(row.normalizeOrder() == NormalizeOrder.NORMALIZE_FIRST, options.normalizeFirst(), row.method());
            } else {
                assertEquals(ReferenceSettings.ADAM_WEIGHT_DECAY, ((SoftmaxAdamUpdate) update).weightDecay(), row.method());
            }
            assertEquals(row.warmupEpochs(), new SearchSchedule().archWarmupEpochs(method), row.method());
            assertTrue(ReferenceSettings.table().contains(row.toString()));
        }
        GumbelRelaxation gumbel = new GumbelRelaxation();
        assertEquals(ReferenceSettings.TAU_MAX, gumbel.tauMax());
        assertEquals(ReferenceSettings.TAU_MIN, gumbel.tauMin());
    }

    @Test
    public void anUnknownMethodIsRefusedNamingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReferenceSettings.named("ENAS"));
        assertTrue(e.getMessage().contains("'ENAS'") && e.getMessage().contains("GAEA PC-DARTS"), e.getMessage());
    }

    /** The method a name stands for; PC-DARTS means edge weights, GDAS Gumbel sampling. */
    private static SearchMethod method(String name) {
        ArchitectureGeometry geometry = name.startsWith("GAEA") ? ArchitectureGeometry.EXPONENTIATED_GRADIENT
                : ArchitectureGeometry.SOFTMAX_ADAM;
        Relaxation relaxation = name.endsWith("GDAS") ? Relaxation.GUMBEL : Relaxation.CONTINUOUS;
        return new SearchMethod(geometry, relaxation, name.endsWith("PC-DARTS"));
    }

    private static Optional<String> specText() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path spec = dir.resolve("shared").resolve("reference").resolve("gaea-spec.md");
            if (Files.isRegularFile(spec)) {
                return Optional.of(Files.readString(spec));
            }
        }
        return Optional.empty();
    }
}
