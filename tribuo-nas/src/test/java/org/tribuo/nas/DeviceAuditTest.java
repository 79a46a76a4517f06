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

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.tribuo.nas.arch.ArchitectureOptimizer;
import org.tribuo.nas.arch.ArchitectureWeights;
import org.tribuo.nas.arch.ExponentiatedGradient;
import org.tribuo.nas.arch.GumbelSampler;
import org.tribuo.nas.darts.DartsCellLayout;
import org.tribuo.nas.darts.DartsSearchSpace;
import org.tribuo.nas.data.Augmentation;
import org.tribuo.nas.data.BatchFactory;
import org.tribuo.nas.data.ImageData;
import org.tribuo.nas.search.EdgeMixing;
import org.tribuo.nas.search.SearchStep;
import org.tribuo.nas.space.DropPathControl;
import org.tribuo.nas.space.NetworkSettings;
import org.tribuo.nas.nb201.Nb201Space;
import org.tribuo.nas.space.OpSelection;
import org.tribuo.nas.space.SupernetSettings;
import org.tribuo.nas.nn.CellImplementation;
import org.tribuo.nas.nb201.Nb201Network;
import org.tribuo.nas.nb201.Nb201Networks;
import org.tribuo.nas.testutil.FashionFixture;
import org.tribuo.nas.runtime.DjlRuntime;
import org.tribuo.nas.loop.SgdOptimizer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every array a training step creates (Gumbel noise and one-hot samples, architecture leaves,
 * batches with crop, flip and cutout, drop-path masks, pooling constants, labels) belongs to the manager of
 * the network's device, so it lives where the network lives. On a CPU-only machine every device
 * is the CPU, so the check is the stronger one that runs here too: each array the step leaves
 * alive is in the network manager's tree (hence created for its device), none in another manager.
 */
public class DeviceAuditTest {

    private static final int BATCH = 8;

    /** Runs the step under a sub-manager of {@code network} and checks every array it created. */
    private static void audit(NDManager network, Consumer<NDManager> step) {
        List<String> strays = strays(network, step);
        assertTrue(strays.isEmpty(), "arrays outside the network's manager: " + strays);
    }

    /** The arrays the step created, and left alive, outside the network manager's tree or device. */
    private static List<String> strays(NDManager network, Consumer<NDManager> step) {
        Set<NDArray> before = allArrays(network);
        try (NDManager scope = network.newSubManager()) {
            step.accept(scope);
            Set<NDArray> inTree = identitySet(network.getManagedArrays());
            List<String> strays = new ArrayList<>();
            int created = 0;
            for (NDArray a : allArrays(network)) {
                if (before.contains(a)) {
                    continue;
                }
                created++;
                if (!inTree.contains(a) || !a.getDevice().equals(network.getDevice())) {
                    strays.add(a.getShape() + " on " + a.getDevice());
                }
            }
            assertTrue(created > 0, "the step created arrays");
            return strays;
        }
    }

    /** Every array alive in the engine: the system manager (a base manager's parent) holds every base manager. */
    private static Set<NDArray> allArrays(NDManager base) {
        return identitySet(base.getParentManager().getManagedArrays());
    }

    private static Set<NDArray> identitySet(List<NDArray> arrays) {
        Set<NDArray> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(arrays);
        return set;
    }

    private static int[] firstIndices(int n) {
        int[] batch = new int[n];
        for (int i = 0; i < n; i++) {
            batch[i] = i;
        }
        return batch;
    }

    @Test
    public void theAuditSeesAnArrayMadeOnAnotherManager() {
        try (NDManager network = DjlRuntime.engine().newBaseManager(Device.cpu());
             NDManager other = DjlRuntime.engine().newBaseManager()) {
            List<String> strays = strays(network, scope -> {
                scope.ones(new Shape(2));
                other.zeros(new Shape(3));
            });
            assertEquals(List.of("(3) on " + other.getDevice()), strays);
        }
    }

    @Test
    public void gdasSearchStepsOnTheNb201SupernetStayOnTheNetworksDevice() {
        ImageData data = FashionFixture.trainImages(BATCH);
        int[] batch = firstIndices(BATCH);
        DjlRuntime.seed(5);
        try (NDManager m = DjlRuntime.engine().newBaseManager(Device.cpu())) {
            Nb201Network net = Nb201Networks.supernet(Nb201Space.withoutNone(), 16, 1, 10, CellImplementation.FUSED);
            net.initialize(m, DataType.FLOAT32, new Shape(1, 1, 28, 28), new Shape(6, 4));
            try (SgdOptimizer sgd = new SgdOptimizer(net, m, 0.9f, 3e-4f, 5f)) {
                ExponentiatedGradient eg = new ExponentiatedGradient(6, 4, 0.1f);
                SearchStep step = new SearchStep(net, new ArchitectureWeights(eg, List.of()), sgd, m.getEngine());
                SplittableRandom rng = new SplittableRandom(1);
                audit(m, scope -> {
                    NDArray x = BatchFactory.images(scope, data, batch, null);
                    NDArray y = BatchFactory.labels(scope, data, batch);
                    var sample = GumbelSampler.sample(eg.alpha(), rng);
                    step.architectureStep(scope, x, y, EdgeMixing.sampled(sample, 10f));
                    step.weightStep(scope, x, y, 0.025f, EdgeMixing.sampled(GumbelSampler.sample(eg.alpha(), rng), 10f));
                });
            }
        }
    }

    @Test
    public void pcDartsSearchStepsWithEdgeWeightsStayOnTheNetworksDevice() {
        ImageData data = FashionFixture.trainImages(BATCH);
        int[] batch = firstIndices(BATCH);
        DjlRuntime.seed(6);
        DartsSearchSpace space = DartsSearchSpace.reference();
        try (NDManager m = DjlRuntime.engine().newBaseManager(Device.cpu())) {
            Block net = space.newSupernet(new SupernetSettings(8, 3, 4, true), 10);
            int ops = space.ops().size();
            net.initialize(m, DataType.FLOAT32, new Shape(1, 1, 28, 28), new Shape(DartsCellLayout.ALPHA_ROWS, ops),
                    new Shape(DartsCellLayout.ALPHA_ROWS));
            List<ArchitectureOptimizer> edges = new ArrayList<>();
            for (int group : space.edgeGroups()) {
                edges.add(new ExponentiatedGradient(1, group, 0.1f, ExponentiatedGradient.Options.edges()));
            }
            try (SgdOptimizer sgd = new SgdOptimizer(net, m, 0.9f, 3e-4f, 5f)) {
                ExponentiatedGradient eg = new ExponentiatedGradient(DartsCellLayout.ALPHA_ROWS, ops, 0.1f);
                SearchStep step = new SearchStep(net, new ArchitectureWeights(eg, edges), sgd, m.getEngine());
                audit(m, scope -> {
                    NDArray x = BatchFactory.images(scope, data, batch, null);
                    NDArray y = BatchFactory.labels(scope, data, batch);
                    step.architectureStep(scope, x, y);
                    step.weightStep(scope, x, y, 0.025f);
                });
            }
        }
    }

    @Test
    public void aDartsFinalTrainingBatchWithAugmentationAndDropPathStaysOnTheNetworksDevice() {
        ImageData data = FashionFixture.trainImages(BATCH);
        int[] batch = firstIndices(BATCH);
        DjlRuntime.seed(7);
        DartsSearchSpace space = DartsSearchSpace.reference();
        try (NDManager m = DjlRuntime.engine().newBaseManager(Device.cpu())) {
            Block net = space.newNetwork(space.randomGenotype(new SplittableRandom(3)), new NetworkSettings(8, 3, true), 10);
            net.initialize(m, DataType.FLOAT32, new Shape(1, 1, 28, 28));
            ((DropPathControl) net).setDropPath(0.3f, 11L);
            audit(m, scope -> {
                NDArray x = BatchFactory.images(scope, data, batch, null, Augmentation.of(2, true, 8), new SplittableRandom(2));
                NDList out = net.forward(new ParameterStore(scope, false), new NDList(x), true);
                assertEquals(BATCH, out.head().getShape().get(0));
            });
        }
    }
}
