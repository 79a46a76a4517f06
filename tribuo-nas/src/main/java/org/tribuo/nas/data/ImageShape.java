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

import java.io.Serializable;

/**
 * The shape of one image in channel-major order: channels, height and width.
 * <p>
 * Immutable. Its string form is {@code CxHxW}, e.g. {@code 1x28x28}, which {@link #parse(String)}
 * reads back.
 */
public final class ImageShape implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int channels;
    private final int height;
    private final int width;

    /**
     * Creates an image shape.
     *
     * @param channels The number of channels, positive.
     * @param height   The height in pixels, positive.
     * @param width    The width in pixels, positive.
     * @throws IllegalArgumentException If a dimension is not positive, or there are more than
     *                                  {@link Integer#MAX_VALUE} values per image.
     */
    public ImageShape(int channels, int height, int width) {
        requirePositive("channels", channels);
        requirePositive("height", height);
        requirePositive("width", width);
        if ((long) channels * height * width > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("image shape " + channels + "x" + height + "x" + width
                    + " has more than " + Integer.MAX_VALUE + " values");
        }
        this.channels = channels;
        this.height = height;
        this.width = width;
    }

    /**
     * Parses a shape written as {@code CxHxW}, e.g. {@code 1x28x28} (surrounding whitespace and an
     * upper-case {@code X} are accepted).
     *
     * @param text The shape string.
     * @return The shape.
     * @throws IllegalArgumentException If the text is not three positive integers separated by {@code x}.
     */
    public static ImageShape parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("image shape is null, expected CxHxW, e.g. 1x28x28");
        }
        String[] parts = text.trim().split("[xX]", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("image shape '" + text
                    + "' is not of the form CxHxW (channels x height x width), e.g. 1x28x28");
        }
        String[] names = {"channels", "height", "width"};
        int[] dims = new int[3];
        for (int i = 0; i < 3; i++) {
            String part = parts[i].trim();
            try {
                dims[i] = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("image shape '" + text + "': " + names[i] + " '" + part
                        + "' is not an integer (expected CxHxW, e.g. 1x28x28)", e);
            }
        }
        return new ImageShape(dims[0], dims[1], dims[2]);
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("image " + name + " must be positive, found " + value);
        }
    }

    /**
     * The number of channels.
     *
     * @return The number of channels.
     */
    public int channels() {
        return channels;
    }

    /**
     * The image height in pixels.
     *
     * @return The height.
     */
    public int height() {
        return height;
    }

    /**
     * The image width in pixels.
     *
     * @return The width.
     */
    public int width() {
        return width;
    }

    /**
     * The number of pixels in one channel, {@code height * width}.
     *
     * @return The plane size.
     */
    public int planeSize() {
        return height * width;
    }

    /**
     * The number of values in one image, {@code channels * height * width}.
     *
     * @return The number of values per image.
     */
    public int pixels() {
        return channels * height * width;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ImageShape)) {
            return false;
        }
        ImageShape other = (ImageShape) o;
        return channels == other.channels && height == other.height && width == other.width;
    }

    @Override
    public int hashCode() {
        return (channels * 31 + height) * 31 + width;
    }

    /**
     * Returns {@code CxHxW}, e.g. {@code 1x28x28}.
     *
     * @return The shape as a string.
     */
    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}
