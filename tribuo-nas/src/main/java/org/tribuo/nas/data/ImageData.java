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

import java.util.Objects;

/**
 * A dense block of images with integer class labels.
 * <p>
 * Image {@code i} occupies {@code pixels[i*P .. (i+1)*P)} with {@code P = shape.pixels()}, in
 * channel-major (C,H,W) row-major order. Values are the raw feature values (not normalized).
 * A label is a class id in {@code [0, numClasses)} or {@code -1} for "unknown".
 * <p>
 * To avoid copying hundreds of megabytes, the arrays are shared, not copied: the constructor
 * takes ownership of them and {@link #pixels()} and {@link #labels()} return them. Treat them as
 * read-only.
 */
public final class ImageData {
    /** The label of an example whose class is unknown. */
    public static final int UNKNOWN_LABEL = -1;

    private final ImageShape shape;
    private final float[] pixels;
    private final int[] labels;

    /**
     * Wraps the given arrays (no copy).
     *
     * @param shape  The shape of each image.
     * @param pixels The image values, {@code labels.length * shape.pixels()} of them.
     * @param labels The class id of each image, or {@link #UNKNOWN_LABEL}.
     * @throws IllegalArgumentException If the array lengths disagree or a label is below -1.
     */
    public ImageData(ImageShape shape, float[] pixels, int[] labels) {
        this.shape = Objects.requireNonNull(shape, "shape");
        this.pixels = Objects.requireNonNull(pixels, "pixels");
        this.labels = Objects.requireNonNull(labels, "labels");
        if ((long) labels.length * shape.pixels() != pixels.length) {
            throw new IllegalArgumentException("pixels has " + pixels.length + " values but " + labels.length
                    + " images of shape " + shape + " need " + (long) labels.length * shape.pixels());
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < UNKNOWN_LABEL) {
                throw new IllegalArgumentException("label of image " + i + " is " + labels[i]
                        + ", expected a class id >= 0 or -1 for unknown");
            }
        }
    }

    /**
     * The shape of each image.
     *
     * @return The image shape.
     */
    public ImageShape shape() {
        return shape;
    }

    /**
     * The number of images.
     *
     * @return The number of images.
     */
    public int size() {
        return labels.length;
    }

    /**
     * The backing array of image values, {@code size() * shape().pixels()} floats. Do not modify.
     *
     * @return The pixel array (not a copy).
     */
    public float[] pixels() {
        return pixels;
    }

    /**
     * The backing array of labels, one per image, {@code -1} for unknown. Do not modify.
     *
     * @return The label array (not a copy).
     */
    public int[] labels() {
        return labels;
    }

    /**
     * The label of one image.
     *
     * @param index The image index.
     * @return Its class id, or {@link #UNKNOWN_LABEL}.
     */
    public int label(int index) {
        Objects.checkIndex(index, labels.length);
        return labels[index];
    }

    /**
     * The float offset of an image in {@link #pixels()}.
     *
     * @param index The image index.
     * @return {@code index * shape().pixels()}.
     */
    public int offsetOf(int index) {
        Objects.checkIndex(index, labels.length);
        return index * shape.pixels();
    }

    /**
     * Copies the selected images, in the given order, into a new {@code ImageData}. Indices may repeat.
     *
     * @param indices The image indices to copy.
     * @return A new data block of {@code indices.length} images.
     * @throws IndexOutOfBoundsException If an index is outside {@code [0, size())}.
     */
    public ImageData subset(int[] indices) {
        Objects.requireNonNull(indices, "indices");
        int p = shape.pixels();
        if ((long) indices.length * p > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(indices.length + " images of shape " + shape + " do not fit in one array");
        }
        float[] newPixels = new float[indices.length * p];
        int[] newLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int src = indices[i];
            Objects.checkIndex(src, labels.length);
            System.arraycopy(pixels, src * p, newPixels, i * p, p);
            newLabels[i] = labels[src];
        }
        return new ImageData(shape, newPixels, newLabels);
    }

    /**
     * Copies the first {@code n} images into a new {@code ImageData}.
     *
     * @param n The number of images, in {@code [0, size()]}.
     * @return A new data block of the first {@code n} images.
     * @throws IllegalArgumentException If {@code n} is negative or larger than {@link #size()}.
     */
    public ImageData head(int n) {
        if (n < 0 || n > labels.length) {
            throw new IllegalArgumentException("head(" + n + ") of " + labels.length + " images");
        }
        float[] newPixels = new float[n * shape.pixels()];
        System.arraycopy(pixels, 0, newPixels, 0, newPixels.length);
        int[] newLabels = new int[n];
        System.arraycopy(labels, 0, newLabels, 0, n);
        return new ImageData(shape, newPixels, newLabels);
    }

    @Override
    public String toString() {
        return "ImageData(size=" + labels.length + ", shape=" + shape + ")";
    }
}
