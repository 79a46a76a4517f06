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

package org.tribuo.nas.darts;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.tribuo.nas.space.DropPathControl;
import org.tribuo.nas.space.NetworkSettings;
import org.tribuo.nas.runtime.DjlRuntime;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class DartsNetworkTest {

    private static final int CLASSES = 5;
    private static final DartsSearchSpace SPACE = DartsSearchSpace.reference();
    private static final DartsGenotype GAEA = DartsGenotype.parse("Genotype(normal=[('sep_conv_3x3', 1), "
            + "('skip_connect', 0), ('sep_conv_3x3', 1), ('skip_connect', 2), ('sep_conv_3x3', 1), ('sep_conv_3x3', 2), "
            + "('sep_conv_3x3', 0), ('dil_conv_3x3', 4)], normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), "
            + "('max_pool_3x3', 1), ('sep_conv_5x5', 0), ('sep_conv_5x5', 2), ('dil_conv_3x3', 3), ('sep_conv_5x5', 2), "
            + "('sep_conv_5x5', 4), ('sep_conv_3x3', 1)], reduce_concat=[2, 3, 4, 5])");

    private static NDList forward(Block net, NDManager m, NDArray x, boolean training) {
        return net.forward(new ParameterStore(m, false), new NDList(x), training);
    }

    private static Block network(NDManager m, DartsGenotype genotype, boolean aux, Shape x) {
        Block net = SPACE.newNetwork(genotype, new NetworkSettings(4, 3, aux), CLASSES);
        net.initialize(m, DataType.FLOAT32, x);
        return net;
    }

    @Test
    public void logitsForEveryGenotypeShape() {
        DjlRuntime.seed(31);
        try (NDManager m = DjlRuntime.engine().newBaseManager(Device.cpu())) {
            Shape shape = new Shape(2, 3, 8, 8);
            NDArray x = m.randomNormal(shape);
            SplittableRandom rng = new SplittableRandom(2);
            List<DartsGenotype> genotypes = new ArrayList<>(List.of(GAEA));
            for (int i = 0; i < 3; i++) {
                genotypes.add(SPACE.randomGenotype(rng));
            }
            for (DartsGenotype g : genotypes) {
                Block net = network(m, g, false, shape);
                NDList train = forward(net, m, x, true);
                assertEquals(1, train.size(), "no auxiliary head, one output");
                assertEquals(new Shape(2, CLASSES), train.singletonOrThrow().getShape(), g.toString());
                assertEquals(new Shape(2, CLASSES), forward(net, m, x, false).singletonOrThrow().getShape());
            }
        }
    }

    @Test
    public void auxiliaryHeadAddsTrainingLogitsOnly() {
        DjlRuntime.seed(32);
        try (NDManager m = DjlRuntime.engine().newBaseManager(Device.cpu())) {
            // 28x28: 7x7 features at the head pool to 1x1, so its second conv is 1x1 (the deviation).
            // 32x32: 8x8 features pool to 2x2, DARTS's 2x2 conv.
            int[][] sizes = {{28, 1}, {32, 2}};
            for (int[] size : sizes) {
                Shape shape = new Shape(2, 1, size[0], size[0]);
                DartsNetwork net = (DartsNetwork) network(m, GAEA, true, shape);
                NDArray x = m.randomNormal(shape);
                NDList train = forward(net, m, x, true);
                assertEquals(2, train.size(), "training forward returns [logits, auxLogits]");
                assertEquals(new Shape(2, CLASSES), train.get(0).getShape());
                assertEquals(new Shape(2, CLASSES), train.get(1).getShape());
                NDList infer = forward(net, m, x, false);
                assertEquals(1, infer.size(), "inference returns [logits]");
                assertEquals(new Shape(2, CLASSES), infer.head().getShape());
                AuxiliaryHead head = (AuxiliaryHead) net.getChildren().values().stream()
                        .filter(b -> b instanceof AuxiliaryHead).findFirst().orElseThrow();
                assertEquals(size[1], head.expandKernel(), size[0] + "x" + size[0]);
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> network(m, GAEA, true, new Shape(2, 1, 16, 16)));
            assertTrue(e.getMessage().contains("auxiliary head"), e.getMessage());
        }
    }

    @Test
    public void dropPathIsSeededAndTrainingOnly() {
        DjlRuntime.seed(33);
        try (NDManager m = DjlRuntime.engine().newBaseManager(Device.cpu())) {
            Shape shape = new Shape(4, 3, 8, 8);
            Block net = network(m, GAEA, false, shape);
            DropPathControl control = (DropPathControl) net;
            NDArray x = m.randomNormal(shape);

            NDArray plain = forward(net, m, x, true).head();
            control.setDropPath(0f, 99);
            assertEquals(plain, forward(net, m, x, true).head(), "p = 0 is no drop-path");

            control.setDropPath(0.5f, 7);
            NDArray first = forward(net, m, x, true).head();
            control.setDropPath(0.5f, 7);
            NDArray again = forward(net, m, x, true).head();
            assertEquals(first, again, "same seed, same masks");
            assertNotEquals(plain, first, "p > 0 changes the training output");
            assertNotEquals(first, forward(net, m, x, true).head(), "the next forward draws new masks");
            control.setDropPath(0.5f, 8);
            assertNotEquals(first, forward(net, m, x, true).head(), "another seed, other masks");

            NDArray inferDropped = forward(net, m, x, false).head();
            control.setDropPath(0f, 7);
            assertEquals(inferDropped, forward(net, m, x, false).head(), "inference ignores drop-path");
            assertThrows(IllegalArgumentException.class, () -> control.setDropPath(1f, 1));
        }
    }

    @Test
    public void dropPathSparesIdentityOps() {
        DjlRuntime.seed(34);
        try (NDManager m = DjlRuntime.engine().newBaseManager(Device.cpu())) {
            List<DartsEdge> skips = new ArrayList<>();
            for (int p = 0; p < DartsCellLayout.PAIRS; p++) {
                skips.add(new DartsEdge(DartsOp.SKIP_CONNECT, p % 2));
            }
            DartsGenotype g = new DartsGenotype(skips, GAEA.reduce());
            Shape in = new Shape(4, 8, 8, 8);
            NDArray s0 = m.randomNormal(in);
            NDArray s1 = m.randomNormal(in);
            for (boolean reduction : new boolean[]{false, true}) {
                DropPath dropPath = new DropPath();
                DartsCell cell = new DartsCell(g, 8, reduction, false, dropPath);
                cell.initialize(m, DataType.FLOAT32, in, in);
                NDArray kept = cell.forward(new ParameterStore(m, false), new NDList(s0, s1), true).head();
                dropPath.set(0.9f, 3);
                NDArray dropped = cell.forward(new ParameterStore(m, false), new NDList(s0, s1), true).head();
                assertEquals(reduction ? new Shape(4, 32, 4, 4) : new Shape(4, 32, 8, 8), kept.getShape());
                if (reduction) {
                    assertNotEquals(kept, dropped, "pools and convs are dropped");
                } else {
                    assertEquals(kept, dropped, "identities are never dropped");
                }
            }
        }
    }
}
