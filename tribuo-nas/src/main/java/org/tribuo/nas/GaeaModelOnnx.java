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

import org.tribuo.nas.data.ImageShape;
import org.tribuo.nas.data.Normalization;
import com.oracle.labs.mlrg.olcut.util.Pair;
import org.tribuo.ONNXExportable;
import org.tribuo.VariableIDInfo;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.nas.onnx.InputGraph;
import org.tribuo.nas.onnx.OnnxMetadata;
import org.tribuo.nas.onnx.OnnxGraphWriter;
import org.tribuo.nas.nn.Layers;
import org.tribuo.nas.train.TrainedNetwork;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;
import org.tribuo.util.onnx.ONNXRef;
import ai.onnx.proto.OnnxMl;

import java.util.List;
import java.util.Map;

/**
 * The ONNX inference graph of a {@link GaeaModel}: feature vector in feature-id order → feature
 * placement and per-channel normalization → the final network (inference mode) → softmax; and
 * the ONNX model around it.
 */
final class GaeaModelOnnx {

    private GaeaModelOnnx() {}

    /**
     * The ONNX model of {@link GaeaModel#exportONNXModel}: the model's graph from a float input
     * [N, F] to a float output [N, K], with the model's provenance and {@link #metadata}.
     * @param model The model.
     * @param domain The model domain.
     * @param modelVersion The model version.
     * @return The ONNX model.
     */
    static OnnxMl.ModelProto model(GaeaModel model, String domain, long modelVersion) {
        ONNXContext context = new ONNXContext();
        context.setName("tribuo-nas-" + model.network().space().name());
        ONNXPlaceholder input = context.floatInput(model.getFeatureIDMap().size());
        ONNXPlaceholder output = context.floatOutput(model.getOutputIDInfo().size());
        model.writeONNXGraph(input).assignTo(output);
        return metadata(model).addTo(ONNXExportable.buildModel(context, domain, modelVersion, model));
    }

    /**
     * Writes the graph.
     * @param model The model.
     * @param input The feature vector [N, F].
     * @return The class probabilities [N, K], in output-id order.
     */
    static ONNXNode write(GaeaModel model, ONNXRef<?> input) {
        TrainedNetwork network = model.network();
        ImageShape shape = network.shape();
        Normalization norm = network.normalization();
        ONNXRef<?> image = InputGraph.write(input, model.getFeatureIDMap().size(),
                model.tensorizer().featureIdAtPosition(model.getFeatureIDMap()),
                new int[]{shape.channels(), shape.height(), shape.width()}, norm.means(), norm.stds());
        ONNXContext context = input.onnxContext();
        ONNXRef<?> logits;
        synchronized (network) {
            logits = new OnnxGraphWriter(context, Layers.BATCH_NORM_EPSILON).write(network.block(), image);
        }
        return context.operation(ONNXOperators.SOFTMAX, List.of(logits), "probabilities", Map.of("axis", 1));
    }

    /**
     * The feature names in input-vector order and the labels in score order.
     * @param model The model.
     * @return The metadata.
     */
    static OnnxMetadata metadata(GaeaModel model) {
        String[] features = new String[model.getFeatureIDMap().size()];
        for (VariableInfo info : model.getFeatureIDMap()) {
            features[((VariableIDInfo) info).getID()] = info.getName();
        }
        String[] labels = new String[model.getOutputIDInfo().size()];
        for (Pair<Integer, Label> p : model.getOutputIDInfo()) {
            labels[p.getA()] = p.getB().getLabel();
        }
        return new OnnxMetadata(List.of(features), List.of(labels));
    }
}
