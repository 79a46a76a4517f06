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

package org.tribuo.nas.train;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

import org.tribuo.nas.data.ImageData;
import org.tribuo.nas.data.ImageShape;
import org.tribuo.nas.data.Normalization;
import org.tribuo.nas.space.Genotype;
import org.tribuo.nas.space.NetworkSettings;
import org.tribuo.nas.space.SearchSpace;
import org.tribuo.nas.util.AtomicFiles;
import org.tribuo.nas.loop.TrainingEpoch;
import org.tribuo.nas.runtime.BatchedInference;
import org.tribuo.nas.runtime.DjlRuntime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.nio.file.Path;

/**
 * A trained genotype network with its input normalization, ready to predict. Owns native
 * memory: {@link #close()} frees it.
 */
public final class TrainedNetwork implements AutoCloseable {

    private static final int PREDICT_BATCH = 256;

    private final SearchSpace space;
    private final Genotype genotype;
    private final NetworkSettings settings;
    private final int numClasses;
    private final ImageShape shape;
    private final Normalization normalization;
    private final NDManager manager;
    private final Block network;
    private final List<TrainingEpoch> history;

    TrainedNetwork(SearchSpace space, Genotype genotype, NetworkSettings settings, int numClasses, ImageShape shape,
                   Normalization normalization, NDManager manager, Block network, List<TrainingEpoch> history) {
        this.space = space;
        this.genotype = genotype;
        this.settings = settings;
        this.numClasses = numClasses;
        this.shape = shape;
        this.normalization = normalization;
        this.manager = manager;
        this.network = network;
        this.history = List.copyOf(history);
    }

    /**
     * Rebuilds a network from saved weights (see {@link #parameterBytes()}).
     * @param space The genotype's space.
     * @param genotype The cell.
     * @param settings The network sizes and options it was trained with.
     * @param numClasses Number of classes.
     * @param shape The input image shape.
     * @param normalization The input normalization.
     * @param parameters The bytes written by {@link #parameterBytes()}.
     * @param device The device to load onto.
     * @return The network.
     * @throws IOException If the bytes do not hold this network's parameters.
     */
    public static TrainedNetwork load(SearchSpace space, Genotype genotype, NetworkSettings settings, int numClasses,
                                      ImageShape shape, Normalization normalization, byte[] parameters,
                                      Device device) throws IOException {
        NDManager manager = DjlRuntime.engine().newBaseManager(device);
        try {
            Block network = space.newNetwork(genotype, settings, numClasses);
            network.initialize(manager, DataType.FLOAT32, inputShape(shape));
            network.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(parameters)));
            return new TrainedNetwork(space, genotype, settings, numClasses, shape, normalization, manager, network, List.of());
        } catch (MalformedModelException | RuntimeException e) {
            manager.close();
            throw new IOException("network parameters do not match " + space.name() + " genotype " + genotype + " at C="
                    + settings.channels() + ", depth " + settings.depth() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            manager.close();
            throw e;
        }
    }

    static Shape inputShape(ImageShape shape) {
        return new Shape(1, shape.channels(), shape.height(), shape.width());
    }

    /**
     * Class probabilities.
     * @param data Images (raw, as tensorized; normalization is applied here).
     * @return [n][numClasses].
     */
    public float[][] predictProbabilities(ImageData data) {
        return BatchedInference.probabilities(network, manager, data, normalization, PREDICT_BATCH, null);
    }

    /**
     * Accuracy on labelled images.
     * @param data Images with labels.
     * @return The fraction predicted correctly.
     */
    public double accuracy(ImageData data) {
        return BatchedInference.accuracy(BatchedInference.argmax(predictProbabilities(data)), data.labels());
    }

    /**
     * The weights in DJL's parameter format.
     * @return The bytes.
     */
    public byte[] parameterBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            network.saveParameters(out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize network parameters", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Writes the weights atomically in DJL's parameter format.
     * @param path The target file.
     * @throws IOException If writing fails.
     */
    public void saveParameters(Path path) throws IOException {
        byte[] bytes = parameterBytes();
        AtomicFiles.write(path, out -> out.write(bytes));
    }

    /** @return The search space of the genotype. */
    public SearchSpace space() {
        return space;
    }

    /** @return The genotype. */
    public Genotype genotype() {
        return genotype;
    }

    /** @return The network sizes and options. */
    public NetworkSettings settings() {
        return settings;
    }

    /** @return C. */
    public int channels() {
        return settings.channels();
    }

    /** @return The depth: cells per stage (NAS-Bench-201) or cells (DARTS, tabular). */
    public int depth() {
        return settings.depth();
    }

    /** @return Number of classes. */
    public int numClasses() {
        return numClasses;
    }

    /** @return The input image shape. */
    public ImageShape shape() {
        return shape;
    }

    /**
     * The final training's epochs, in order (empty for a network loaded from a file).
     * @return The epochs.
     */
    public List<TrainingEpoch> trainingHistory() {
        return history;
    }

    /**
     * The network block, for exporters that read its structure and weights (ONNX); do not run it.
     * @return The block.
     */
    public Block block() {
        return network;
    }

    /** @return The input normalization. */
    public Normalization normalization() {
        return normalization;
    }

    /** @return The device the network lives on. */
    public Device device() {
        return manager.getDevice();
    }

    @Override
    public void close() {
        manager.close();
    }
}
