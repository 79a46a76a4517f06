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

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.Objects;

/**
 * Builds DJL tensors for a minibatch of an {@link ImageData}.
 * <p>
 * Each method gathers the selected examples into one Java array and copies it into a tensor whose
 * memory the native library owns (through a reused direct buffer). The returned arrays belong to the
 * given manager; closing it (or a sub-manager) frees them at once, without waiting for a garbage
 * collection.
 */
public final class BatchFactory {

    private BatchFactory() {}

    /**
     * Creates a FLOAT32 tensor of shape {@code (B, C, H, W)} holding the selected images, normalized
     * if {@code norm} is given. The {@code ImageData} is not modified.
     *
     * @param manager The manager that will own the tensor.
     * @param data    The images.
     * @param indices The image indices of the batch, in batch order; {@code B = indices.length > 0}.
     * @param norm    The normalization to apply, or null for raw values.
     * @return The image tensor.
     * @throws IllegalArgumentException  If {@code indices} is empty or {@code norm} is for another shape.
     * @throws IndexOutOfBoundsException If an index is outside the data.
     */
    public static NDArray images(NDManager manager, ImageData data, int[] indices, Normalization norm) {
        return images(manager, data, indices, norm, Augmentation.NONE, null);
    }

    /**
     * As {@link #images(NDManager, ImageData, int[], Normalization)}, with each image of the batch
     * augmented: the augmentation's crop and flip before the normalization, its cutout after.
     *
     * @param manager      The manager that will own the tensor.
     * @param data         The images.
     * @param indices      The image indices of the batch, in batch order.
     * @param norm         The normalization to apply, or null for raw values.
     * @param augmentation The augmentation ({@link Augmentation#NONE} for none).
     * @param rng          The source of its random choices (unused without augmentation).
     * @return The image tensor.
     */
    public static NDArray images(NDManager manager, ImageData data, int[] indices, Normalization norm,
                                 Augmentation augmentation, java.util.SplittableRandom rng) {
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(augmentation, "augmentation");
        checkIndices(indices);
        ImageShape shape = data.shape();
        if (norm != null && !norm.shape().equals(shape)) {
            throw new IllegalArgumentException("normalization is for image shape " + norm.shape()
                    + " but the data has shape " + shape);
        }
        int p = shape.pixels();
        if ((long) indices.length * p > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("batch of " + indices.length + " images of shape " + shape
                    + " is too large");
        }
        float[] pixels = data.pixels();
        float[] buffer = new float[indices.length * p];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, data.offsetOf(indices[i]), buffer, i * p, p);
        }
        augmentation.applyBeforeNormalization(buffer, indices.length, shape, rng);
        if (norm != null) {
            norm.applyInPlace(buffer, 0, indices.length);
        }
        augmentation.applyAfterNormalization(buffer, indices.length, shape, rng);
        return TensorStaging.floats(manager, buffer, new Shape(indices.length, shape.channels(), shape.height(), shape.width()));
    }

    /**
     * Creates an INT64 tensor of shape {@code (B)} holding the class ids of the selected images.
     *
     * @param manager The manager that will own the tensor.
     * @param data    The images.
     * @param indices The image indices of the batch, in batch order; {@code B = indices.length > 0}.
     * @return The label tensor.
     * @throws IllegalArgumentException  If {@code indices} is empty or a selected image has an unknown label.
     * @throws IndexOutOfBoundsException If an index is outside the data.
     */
    public static NDArray labels(NDManager manager, ImageData data, int[] indices) {
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(data, "data");
        checkIndices(indices);
        long[] buffer = new long[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int label = data.label(indices[i]);
            if (label == ImageData.UNKNOWN_LABEL) {
                throw new IllegalArgumentException("image " + indices[i] + " has an unknown label");
            }
            buffer[i] = label;
        }
        return TensorStaging.longs(manager, buffer, new Shape(indices.length));
    }

    private static void checkIndices(int[] indices) {
        Objects.requireNonNull(indices, "indices");
        if (indices.length == 0) {
            throw new IllegalArgumentException("batch is empty");
        }
    }
}
