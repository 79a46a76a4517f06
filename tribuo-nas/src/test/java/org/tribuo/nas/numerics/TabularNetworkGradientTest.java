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

package org.tribuo.nas.numerics;

import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tribuo.nas.space.NetworkSettings;
import org.tribuo.nas.space.OpSelection;
import org.tribuo.nas.space.SupernetSettings;
import org.tribuo.nas.tabular.TabularSearchSpace;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tabular supernet and network compute in float32 what they compute in float64: logits, the
 * gradient of every parameter and, for the supernet, of α, within
 * {@link NetworkGradientCheck#TOLERANCE} (derivation there). The tabular space has no
 * convolutions; it is compared so that every network of the library is (its float64 path, its
 * batch norms and its mixed edges), and a dtype slip in its layers would show here. The space
 * leaves out {@code dense_dropout}, whose random masks differ between the two passes. Batch 8:
 * its batch norms normalize over the batch alone, and over 2 values a training-mode batch norm
 * outputs ±1 whatever its input.
 */
public class TabularNetworkGradientTest {

    private static final int BATCH = 8;
    private static final int FEATURES = 5;
    private static final int CLASSES = 3;
    private static final int CELLS = 2;
    private static final Shape X = new Shape(BATCH, FEATURES, 1, 1);
    private static final TabularSearchSpace SPACE = TabularSearchSpace.parseOps("none,skip_connect,dense,dense_bottleneck");

    @ParameterizedTest(name = "width={0} threads={1}")
    @CsvSource({"8, 1", "12, 1", "12, 2"})
    public void supernetMatchesFloat64(int width, int threads) {
        Shape alpha = new Shape(SPACE.alphaRows(), SPACE.numOps());
        long seed = 7000 + width;
        SplittableRandom rng = new SplittableRandom(seed);
        List<Leaf> leaves = List.of(Leaf.normal("x", X, rng), Leaf.simplex("α", alpha, null, rng));
        NetworkGradientCheck.withThreads(threads, () -> {
            GradientResult result = NetworkGradientCheck.compare(
                    "tabular supernet width=" + width + " " + threads + "t", seed,
                    () -> SPACE.newSupernet(SupernetSettings.plain(width, CELLS), CLASSES),
                    new Shape[]{X, alpha}, leaves).assertAgrees();
            assertTrue(result.zeroGradients().isEmpty(), "every parameter learns: " + result.zeroGradients());
        });
    }

    @ParameterizedTest(name = "width={0}")
    @CsvSource({"8", "12"})
    public void networkMatchesFloat64(int width) {
        long seed = 8000 + width;
        List<Leaf> leaves = List.of(Leaf.normal("x", X, new SplittableRandom(seed)));
        NetworkGradientCheck.compare("tabular network width=" + width, seed,
                () -> SPACE.newNetwork(SPACE.parseGenotype("|dense~0|+|skip_connect~0|dense_bottleneck~1|+|none~0|dense~1|dense~2|"),
                        new NetworkSettings(width, CELLS, false), CLASSES),
                new Shape[]{X}, leaves).assertAgrees();
    }
}
