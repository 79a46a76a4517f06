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

package org.tribuo.nas.data;

import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The conversion loop shared by the tensorizers: a dataset becomes one float array of examples
 * laid side by side plus their label ids; a subclass only says how one example fills its slot
 * ({@link #fill}) and how its examples are called in messages ({@link #describe}).
 * <p>
 * Labels become {@code labelIds.getID(label)}. Tribuo's unknown label
 * ({@link LabelFactory#UNKNOWN_LABEL}) becomes {@link ImageData#UNKNOWN_LABEL}; any other label
 * that {@code labelIds} does not know is an error. The output of a single example is ignored.
 */
public abstract class AbstractExampleTensorizer implements ExampleTensorizer {
    private static final Logger logger = Logger.getLogger(AbstractExampleTensorizer.class.getName());

    private final ImageShape shape;

    /**
     * Creates a tensorizer of examples of one shape.
     * @param shape The shape of one tensorized example.
     */
    protected AbstractExampleTensorizer(ImageShape shape) {
        this.shape = Objects.requireNonNull(shape, "shape");
    }

    @Override
    public final ImageShape shape() {
        return shape;
    }

    /**
     * Converts a whole dataset, in iteration order, into tensors and label ids.
     *
     * @param dataset  The dataset.
     * @param labelIds The label id mapping, usually the training set's {@code getOutputIDInfo()}.
     * @return The tensors and labels.
     * @throws IllegalArgumentException If the dataset is empty, too large for one array, or an
     *                                  example has a bad feature or an unknown label; the message
     *                                  names the feature and the example index.
     */
    @Override
    public final ImageData tensorize(Dataset<Label> dataset, ImmutableOutputInfo<Label> labelIds) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(labelIds, "labelIds");
        int n = dataset.size();
        if (n == 0) {
            throw new IllegalArgumentException("dataset is empty");
        }
        int p = shape.pixels();
        if ((long) n * p > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("dataset of " + describe(n) + " does not fit in one float array");
        }
        float[] values = new float[n * p];
        int[] labels = new int[n];
        int i = 0;
        for (Example<Label> example : dataset) {
            if (i == n) {
                throw new IllegalStateException("dataset yielded more than its size() of " + n + " examples");
            }
            labels[i] = labelId(example.getOutput(), labelIds, i);
            fill(example, values, i * p, i);
            i++;
        }
        if (i != n) {
            throw new IllegalStateException("dataset yielded " + i + " examples but its size() is " + n);
        }
        logger.log(Level.FINE, () -> "tensorized " + describe(n));
        return new ImageData(shape, values, labels);
    }

    /**
     * Converts one example (typically at prediction time) into a new array.
     *
     * @param example The example.
     * @return A new array of {@code shape().pixels()} values.
     * @throws IllegalArgumentException If a feature does not fit (see the subclass).
     */
    public final float[] tensorize(Example<Label> example) {
        float[] dest = new float[shape.pixels()];
        tensorizeInto(example, dest, 0);
        return dest;
    }

    /**
     * {@inheritDoc}
     * @throws IllegalArgumentException  If a feature does not fit (see the subclass).
     * @throws IndexOutOfBoundsException If the example does not fit in {@code dest} at {@code offset}.
     */
    @Override
    public final void tensorizeInto(Example<Label> example, float[] dest, int offset) {
        Objects.requireNonNull(example, "example");
        Objects.requireNonNull(dest, "dest");
        Objects.checkFromIndexSize(offset, shape.pixels(), dest.length);
        fill(example, dest, offset, -1);
    }

    /**
     * Writes an example into {@code dest[offset .. offset + shape().pixels())}, zeroing what it
     * does not mention.
     * @param example The example.
     * @param dest The destination.
     * @param offset The offset of the example in it.
     * @param exampleIndex The example's index in its dataset, for error messages (-1: a single example).
     * @throws IllegalArgumentException naming the feature and example that do not fit.
     */
    protected abstract void fill(Example<?> example, float[] dest, int offset, int exampleIndex);

    /**
     * A count of examples as messages call them, e.g. {@code "60000 images of shape 1x28x28"}.
     * @param count The count.
     * @return The words.
     */
    protected abstract String describe(int count);

    /**
     * How error messages name an example.
     * @param exampleIndex The example's index, or -1 for a single example.
     * @return {@code "example i"} or {@code "the example"}.
     */
    protected static String exampleName(int exampleIndex) {
        return exampleIndex >= 0 ? "example " + exampleIndex : "the example";
    }

    private static int labelId(Label label, ImmutableOutputInfo<Label> labelIds, int exampleIndex) {
        if (label == null || LabelFactory.UNKNOWN_LABEL.getLabel().equals(label.getLabel())) {
            return ImageData.UNKNOWN_LABEL;
        }
        int id = labelIds.getID(label);
        if (id < 0) {
            throw new IllegalArgumentException("label '" + label.getLabel() + "' of example " + exampleIndex
                    + " is not in the label id mapping (known labels: " + labelIds.getDomain() + ")");
        }
        return id;
    }
}
