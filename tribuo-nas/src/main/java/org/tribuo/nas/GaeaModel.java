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

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;

import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.ONNXExportable;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.nas.arch.Simplex;
import org.tribuo.nas.data.ExampleTensorizer;
import org.tribuo.nas.data.ImageShape;
import org.tribuo.nas.data.Normalization;
import org.tribuo.nas.search.SearchHistory;
import org.tribuo.nas.space.Genotype;
import org.tribuo.nas.space.SearchSpace;
import org.tribuo.nas.runtime.Devices;
import org.tribuo.nas.train.TrainedNetwork;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXRef;
import ai.onnx.proto.OnnxMl;

import ai.djl.Device;

import java.io.IOException;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A network found by a GAEA search and trained from scratch, as a Tribuo {@link Model}.
 * <p>
 * Predictions carry softmax scores for every label. {@code predict} is safe to call from many
 * threads (calls into the network are serialized). The network lives in native memory:
 * {@link #close()} frees it. The protobuf form ({@link #serialize()}) is self-contained:
 * genotype, network sizes, weights, input normalization and image shape, so loading needs
 * neither data nor the search code.
 */
public final class GaeaModel extends Model<Label> implements AutoCloseable, ONNXExportable {
    private static final long serialVersionUID = 1L;

    /** Protobuf serialization version. */
    public static final int CURRENT_VERSION = 1;
    /** The oldest model format this version reads: format 1 saves the search space as a component. */
    public static final int OLDEST_READABLE_VERSION = 1;
    /** Model provenance key: the final training's loss per epoch, comma separated (for reproduction audits). */
    public static final String FINAL_TRAINING_LOSSES = "final-training-losses";
    /** Model provenance key: the found genotype. */
    public static final String GENOTYPE = "genotype";
    /** Model provenance key: the final architecture weights. */
    public static final String ALPHA = "alpha";
    /** Model provenance key: the mean edge entropy of the final architecture weights. */
    public static final String MEAN_ENTROPY = "alpha-mean-entropy";
    /** Model provenance key: the final edge weights (PC-DARTS edge normalization). */
    public static final String BETA = "beta";
    /** Model provenance key: the device the network was trained on. */
    public static final String DEVICE = "device";
    /**
     * Model provenance key: the convolution self-check of the run: {@code on} with the number of
     * signatures checked and routed, or {@code off} when the user switched it off.
     */
    public static final String CONVOLUTION_CHECK = "convolution-check";
    /** Model provenance key: every convolution signature the run used, with the route it took, {@code ; } separated. */
    public static final String CONVOLUTIONS_CHECKED = "convolutions-checked";
    /** Model provenance key: the signatures the run routed around the engine's kernel, with the route, {@code ; } separated. */
    public static final String CONVOLUTIONS_ROUTED = "convolutions-routed";
    /** Provenance key: the cost-aware search's settings (metric, runtime, target or λ); absent without a cost model. */
    public static final String COST_MODEL = "cost-model";
    /** Provenance key: the op-cost table the search used, with where it was measured. */
    public static final String COST_TABLE = "cost-table";
    /** Provenance key: the found network's predicted cost (its ops' costs plus the fixed parts). */
    public static final String COST_PREDICTED = "cost-predicted";
    /** Provenance key: the trained network's cost, measured as it will be served. */
    public static final String COST_MEASURED = "cost-measured";
    /**
     * Provenance key: the most expensive cell's predicted cost and its cost measured again next
     * to the found network: when they differ, the machine ran at another speed than when the
     * op costs were measured, and predicted and measured are not comparable.
     */
    public static final String COST_REFERENCE = "cost-reference";

    /** Closes the networks of models nobody closed once they are unreachable (Tribuo's CrossValidation and BaggingTrainer never close theirs). */
    private static final Cleaner NATIVE_MEMORY = Cleaner.create();

    private final transient TrainedNetwork network;
    private final transient Cleaner.Cleanable cleanup;
    private final transient BatchPredictor predictor;
    private final transient ExampleTensorizer tensorizer;
    private final float[][] alpha;
    private final float[] beta;
    private final List<String> ops;
    private final String searchHistoryJson;
    private final int predictBatchSize;

    GaeaModel(String name, ModelProvenance provenance, ImmutableFeatureMap featureIDMap,
              ImmutableOutputInfo<Label> outputIDInfo, TrainedNetwork network, ExampleTensorizer tensorizer,
              float[][] alpha, float[] beta, List<String> ops, String searchHistoryJson, int predictBatchSize) {
        super(name, provenance, featureIDMap, outputIDInfo, true);
        this.network = network;
        this.cleanup = NATIVE_MEMORY.register(this, network::close);
        this.tensorizer = tensorizer;
        this.predictor = new BatchPredictor(network, tensorizer, featureIDMap, outputIDInfo, predictBatchSize);
        this.alpha = Simplex.copy(alpha);
        this.beta = beta == null ? null : beta.clone();
        this.ops = List.copyOf(ops);
        this.searchHistoryJson = searchHistoryJson;
        this.predictBatchSize = predictBatchSize;
    }

    /**
     * The found cell.
     * @return The genotype.
     */
    public Genotype genotype() {
        return network.genotype();
    }

    /**
     * The search space the genotype belongs to.
     * @return The space.
     */
    public SearchSpace searchSpace() {
        return network.space();
    }

    /**
     * The final edge weights of the search (PC-DARTS edge normalization).
     * @return [edges], a copy, aligned with {@link #alpha()}'s rows; empty without edge weights.
     */
    public float[] beta() {
        return beta == null ? new float[0] : beta.clone();
    }

    /**
     * The final architecture weights of the search.
     * @return [edges][ops], a copy.
     */
    public float[][] alpha() {
        return Simplex.copy(alpha);
    }

    /**
     * The candidate ops of the search space, in α's column order.
     * @return The op names, unmodifiable.
     */
    public List<String> ops() {
        return ops;
    }

    /**
     * The input image shape.
     * @return The shape.
     */
    public ImageShape imageShape() {
        return network.shape();
    }

    /**
     * Channels C of the network.
     * @return C.
     */
    public int channels() {
        return network.channels();
    }

    /**
     * Depth of the network: cells per stage N (NAS-Bench-201) or cells (DARTS, tabular).
     * @return The depth.
     */
    public int depth() {
        return network.depth();
    }

    /**
     * Whether the network was trained with an auxiliary head (DARTS space).
     * @return True with an auxiliary head.
     */
    public boolean hasAuxiliaryHead() {
        return network.settings().auxiliaryHead();
    }

    /**
     * The input normalization fitted on the training data.
     * @return The normalization.
     */
    public Normalization normalization() {
        return network.normalization();
    }

    /**
     * The device the network is on.
     * @return The device.
     */
    public Device device() {
        return network.device();
    }

    /**
     * The cost of the found network, for a model of a cost-aware search: the cost model and budget,
     * the predicted cost (its ops' costs plus the fixed parts) and the cost measured on the trained
     * network as it will be served; {@code toString()} gives them in one line.
     * @return The settings, metric, predicted and measured cost; empty without a cost model.
     */
    public Optional<CostSummary> cost() {
        return CostSummary.of(getProvenance());
    }

    /**
     * The search history: α, entropy, genotype, loss and accuracy per epoch.
     * @return The history.
     */
    public SearchHistory searchHistory() {
        try {
            return SearchHistory.fromJson(searchHistoryJson);
        } catch (IOException e) {
            throw new UncheckedIOException("stored search history is unreadable", e);
        }
    }

    /**
     * The search history as JSON.
     * @return The JSON text.
     */
    public String searchHistoryJson() {
        return searchHistoryJson;
    }

    @Override
    public Prediction<Label> predict(Example<Label> example) {
        return innerPredict(Collections.singletonList(example)).get(0);
    }

    @Override
    protected List<Prediction<Label>> innerPredict(Iterable<Example<Label>> examples) {
        try {
            return predictor.predict(examples);
        } finally {
            // A model the caller holds no reference to (train(data).predict(test)) must not be
            // cleaned while it predicts: keep it reachable until the network is done.
            Reference.reachabilityFence(this);
        }
    }

    /**
     * The model as ONNX: input the feature vector [N, F] in feature-id order (as Tribuo's
     * exported models), output the class probabilities [N, K] in output-id order; the graph holds
     * feature placement, normalization, the final network in inference mode and the softmax, and
     * as metadata the model's provenance and the feature and label names in vector order
     * ({@link org.tribuo.nas.onnx.OnnxMetadata}).
     * @param domain The model domain, e.g. {@code org.example.fashion}.
     * @param modelVersion The model version.
     * @return The ONNX model.
     * @throws UnsupportedOperationException If a block of the network has no ONNX mapping.
     */
    @Override
    public OnnxMl.ModelProto exportONNXModel(String domain, long modelVersion) {
        try {
            return GaeaModelOnnx.model(this, domain, modelVersion);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    @Override
    public ONNXNode writeONNXGraph(ONNXRef<?> input) {
        try {
            return GaeaModelOnnx.write(this, input);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    TrainedNetwork network() {
        return network;
    }

    ExampleTensorizer tensorizer() {
        return tensorizer;
    }

    int predictBatchSize() {
        return predictBatchSize;
    }

    @Override
    public Map<String, List<com.oracle.labs.mlrg.olcut.util.Pair<String, Double>>> getTopFeatures(int n) {
        return Collections.emptyMap();
    }

    /**
     * Deep learning models don't do excuses; use an explainer.
     * @param example Ignored.
     * @return Empty.
     */
    @Override
    public Optional<Excuse<Label>> getExcuse(Example<Label> example) {
        return Optional.empty();
    }

    @Override
    protected GaeaModel copy(String newName, ModelProvenance newProvenance) {
        try {
            return new GaeaModel(newName, newProvenance, featureIDMap, outputIDInfo,
                    reload(network.parameterBytes(), network.device()), tensorizer, alpha, beta, ops, searchHistoryJson,
                    predictBatchSize);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    private TrainedNetwork reload(byte[] parameters, Device device) {
        try {
            return TrainedNetwork.load(network.space(), network.genotype(), network.settings(),
                    outputIDInfo.size(), network.shape(), network.normalization(), parameters, device);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ModelProto serialize() {
        try {
            return GaeaModelProtos.serialize(this, createDataCarrier());
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /**
     * Deserialization factory.
     * @param version The serialized object version.
     * @param className The class name.
     * @param message The serialized data.
     * @return The model, on the CPU (see {@link ModelFiles} to choose a device).
     * @throws InvalidProtocolBufferException If the message is not a GaeaModelProto.
     */
    public static GaeaModel deserializeFromProto(int version, String className, Any message)
            throws InvalidProtocolBufferException {
        return GaeaModelProtos.deserialize(version, message, Device.cpu());
    }

    /**
     * The name of the device the network is on, e.g. {@code cpu}.
     * @return The device name.
     */
    public String deviceName() {
        return Devices.name(network.device());
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        throw new NotSerializableException("GaeaModel holds its network in native (DJL/PyTorch) memory and does not "
                + "support Java serialization; use serializeToFile / Model.deserializeFromFile (protobuf)");
    }

    /**
     * Frees the network's native memory now. The model cannot predict afterwards. A model nobody
     * closes (Tribuo's {@code CrossValidation} and {@code BaggingTrainer} never close the models
     * they make) frees it once it is unreachable, through a {@link Cleaner}.
     */
    @Override
    public void close() {
        cleanup.clean();
    }
}
