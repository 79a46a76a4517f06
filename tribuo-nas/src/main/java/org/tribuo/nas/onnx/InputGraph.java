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

import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXRef;

import java.util.List;
import java.util.Map;

/**
 * The front of an exported graph: from what Tribuo's exported models take, the feature vector
 * [N, F] in feature-id order, to the normalized tensor [N, C, H, W] the network was trained on.
 * Features are placed by a gather from the vector with one zero column appended (positions no
 * feature reaches read the zero), then each channel is standardized.
 */
public final class InputGraph {

    private InputGraph() {}

    /**
     * Writes the input path.
     * @param features The feature vector [N, F].
     * @param numFeatures F.
     * @param featureIdAtPosition For each of the C·H·W positions, the feature id placed there, or -1.
     * @param shape {C, H, W}.
     * @param means Per-channel means subtracted.
     * @param stds Per-channel standard deviations divided by.
     * @return The normalized [N, C, H, W] tensor.
     */
    public static ONNXRef<?> write(ONNXRef<?> features, int numFeatures, int[] featureIdAtPosition, int[] shape,
                                   float[] means, float[] stds) {
        if (shape.length != 3 || (long) shape[0] * shape[1] * shape[2] != featureIdAtPosition.length) {
            throw new IllegalArgumentException("the position table has " + featureIdAtPosition.length
                    + " entries, the input shape " + java.util.Arrays.toString(shape) + " needs their product");
        }
        if (means.length != shape[0] || stds.length != shape[0]) {
            throw new IllegalArgumentException("normalization statistics for " + means.length + "/" + stds.length
                    + " channels, the input has " + shape[0]);
        }
        ONNXContext context = features.onnxContext();
        long[] gather = new long[featureIdAtPosition.length];
        for (int p = 0; p < gather.length; p++) {
            gather[p] = featureIdAtPosition[p] < 0 ? numFeatures : featureIdAtPosition[p];
        }
        ONNXRef<?> padded = context.operation(NetworkOperators.PAD,
                List.of(features, context.array("pad_zero_column", new long[]{0, 0, 0, 1})), "features_padded");
        ONNXRef<?> placed = context.operation(ONNXOperators.GATHER, List.of(padded, context.array("positions", gather)),
                "placed", Map.of("axis", 1));
        ONNXRef<?> image = context.operation(NetworkOperators.RESHAPE, List.of(placed,
                context.array("input_shape", new long[]{-1, shape[0], shape[1], shape[2]})), "image");
        int[] channelShape = {1, shape[0], 1, 1};
        ONNXRef<?> centred = context.operation(ONNXOperators.SUB, List.of(image, channelTensor(context, "mean", means,
                channelShape)), "centred");
        return context.operation(ONNXOperators.DIV, List.of(centred, channelTensor(context, "std", stds, channelShape)),
                "normalized");
    }

    private static ONNXRef<?> channelTensor(ONNXContext context, String name, float[] values, int[] shape) {
        return context.floatTensor(name, java.util.Arrays.stream(shape).boxed().toList(), b -> b.put(values));
    }
}
