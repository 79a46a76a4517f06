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

package org.tribuo.nas.onnx;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.training.ParameterStore;
import ai.onnx.proto.OnnxMl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tribuo.nas.darts.DartsGenotype;
import org.tribuo.nas.darts.DartsSearchSpace;
import org.tribuo.nas.space.NetworkSettings;
import org.tribuo.nas.nb201.Nb201Genotype;
import org.tribuo.nas.nn.Layers;
import org.tribuo.nas.nb201.Nb201Networks;
import org.tribuo.nas.nn.MemoryLayout;
import org.tribuo.nas.runtime.DjlRuntime;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXPlaceholder;
import org.tribuo.util.onnx.ONNXRef;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every op of the NAS-Bench-201 and DARTS final networks, exported and run in ONNX Runtime,
 * gives the DJL network's inference logits (batch norms with trained running statistics).
 */
public class NetworkExportTest {

    private static final Shape INPUT = new Shape(4, 1, 28, 28);

    /** Exports a bare network: input [N, C·H·W] reshaped, unnormalized. */
    private static OnnxMl.ModelProto export(Block network, Shape input) {
        ONNXContext context = new ONNXContext();
        int features = (int) input.slice(1).size();
        ONNXPlaceholder in = context.floatInput(features);
        int[] positions = new int[features];
        Arrays.setAll(positions, i -> i);
        int channels = (int) input.get(1);
        float[] zeros = new float[channels];
        float[] ones = new float[channels];
        Arrays.fill(ones, 1f);
        ONNXRef<?> image = InputGraph.write(in, features, positions,
                new int[]{channels, (int) input.get(2), (int) input.get(3)}, zeros, ones);
        new OnnxGraphWriter(context, Layers.BATCH_NORM_EPSILON).write(network, image).assignTo(context.floatOutput(10));
        return OnnxMl.ModelProto.newBuilder().setGraph(context.buildGraph()).setIrVersion(6)
                .addOpsetImport(org.tribuo.util.onnx.ONNXOperators.getOpsetProto()).build();
    }

    /** Trains the batch norms' running statistics a little, then compares DJL and ONNX Runtime. */
    private static void assertExportMatches(Block network) throws Exception {
        try (NDManager m = DjlRuntime.engine().newBaseManager(Device.cpu())) {
            network.initialize(m, DataType.FLOAT32, INPUT);
            for (int i = 0; i < 3; i++) {
                network.forward(new ParameterStore(m, false), new NDList(m.randomNormal(INPUT).mul(2).add(0.5)), true);
            }
            NDArray x = m.randomNormal(INPUT);
            float[][] expected = rows(network.forward(new ParameterStore(m, false), new NDList(x), false)
                    .singletonOrThrow());
            float[][] actual = OnnxRuntimeCheck.run(export(network, INPUT), rows(x.reshape(INPUT.get(0), -1)));
            OnnxRuntimeCheck.assertClose(expected, actual, 1e-4f);
        }
    }

    private static float[][] rows(NDArray a) {
        int n = (int) a.getShape().get(0);
        int k = (int) (a.size() / n);
        float[] flat = a.toFloatArray();
        float[][] out = new float[n][k];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * k, out[i], 0, k);
        }
        return out;
    }

    /** Both layouts compute the same function, so both export to it. */
    @ParameterizedTest
    @EnumSource(MemoryLayout.class)
    public void everyNb201OpExportsExactly(MemoryLayout layout) throws Exception {
        DjlRuntime.seed(11);
        Nb201Genotype genotype = Nb201Genotype.parse(
                "|nor_conv_3x3~0|+|avg_pool_3x3~0|none~1|+|skip_connect~0|nor_conv_1x1~1|avg_pool_3x3~2|");
        assertExportMatches(Nb201Networks.discrete(genotype, 16, 1, 10, layout));
    }

    @Test
    public void everyDartsOpExportsExactly() throws Exception {
        DjlRuntime.seed(12);
        DartsGenotype genotype = DartsGenotype.parse("Genotype(normal=[('sep_conv_3x3', 0), ('dil_conv_5x5', 1), "
                + "('max_pool_3x3', 0), ('avg_pool_3x3', 1), ('skip_connect', 2), ('sep_conv_5x5', 0), "
                + "('dil_conv_3x3', 3), ('skip_connect', 1)], normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), "
                + "('avg_pool_3x3', 1), ('skip_connect', 0), ('sep_conv_3x3', 2), ('dil_conv_3x3', 3), "
                + "('sep_conv_5x5', 1), ('dil_conv_5x5', 4), ('skip_connect', 1)], reduce_concat=[2, 3, 4, 5])");
        // three cells: normal, reduction (skip_connect at stride 2 = factorized reduce), reduction
        assertExportMatches(DartsSearchSpace.reference().newNetwork(genotype, new NetworkSettings(8, 3, true), 10));
    }

    /**
     * One network, one file: every node lists its attributes by name, whatever order the JVM
     * iterates a map in (a file written twice in two JVMs must be the same bytes).
     */
    @Test
    public void attributesAreWrittenInNameOrder() {
        DjlRuntime.seed(13);
        DartsGenotype genotype = DartsGenotype.parse("Genotype(normal=[('sep_conv_3x3', 0), ('max_pool_3x3', 1), "
                + "('avg_pool_3x3', 0), ('dil_conv_3x3', 1), ('skip_connect', 2), ('sep_conv_5x5', 0), "
                + "('dil_conv_5x5', 3), ('skip_connect', 1)], normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), "
                + "('avg_pool_3x3', 1), ('skip_connect', 0), ('sep_conv_3x3', 2), ('dil_conv_3x3', 3), "
                + "('sep_conv_5x5', 1), ('dil_conv_5x5', 4), ('skip_connect', 1)], reduce_concat=[2, 3, 4, 5])");
        Block network = DartsSearchSpace.reference().newNetwork(genotype, new NetworkSettings(8, 3, false), 10);
        try (NDManager m = DjlRuntime.engine().newBaseManager(Device.cpu())) {
            network.initialize(m, DataType.FLOAT32, INPUT);
            int checked = 0;
            for (OnnxMl.NodeProto node : export(network, INPUT).getGraph().getNodeList()) {
                java.util.List<String> names = node.getAttributeList().stream().map(OnnxMl.AttributeProto::getName).toList();
                assertEquals(names.stream().sorted().toList(), names, node.getOpType() + " " + node.getName());
                checked += names.size() > 1 ? 1 : 0;
            }
            assertTrue(checked > 10, "nodes with several attributes: " + checked);
        }
    }

    @Test
    public void aBlockWithoutMappingIsRefusedByName() {
        ONNXContext context = new ONNXContext();
        ONNXPlaceholder in = context.floatInput(4);
        Block unknown = new LambdaBlock(list -> list, "mystery");
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> new OnnxGraphWriter(context, 1e-5f).write(unknown, in));
        assertTrue(e.getMessage().contains("LambdaBlock") && e.getMessage().contains("cannot be exported"), e.getMessage());
    }
}
