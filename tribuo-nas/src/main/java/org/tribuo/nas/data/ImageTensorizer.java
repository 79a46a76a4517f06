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

import org.tribuo.Example;
import org.tribuo.VariableInfo;
import org.tribuo.VariableIDInfo;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Feature;

import java.util.Arrays;

/**
 * Converts Tribuo examples into dense channel-major (C,H,W) float images.
 * <p>
 * A pixel's position comes from its feature <em>name</em>, read as a non-negative decimal flat
 * index {@code i} (leading zeros allowed, as in {@link org.tribuo.datasource.IDXDataSource}'s
 * {@code "000".."783"}), which is placed at row-major CHW position {@code i}. Feature ids from an
 * {@link org.tribuo.ImmutableFeatureMap} are never used: Tribuo drops zero-valued features and
 * compacts the ids, so they do not give positions. Pixels with no feature are zero.
 * <p>
 * Values are copied as given (no scaling). Thread safe (stateless apart from the shape).
 */
public final class ImageTensorizer extends AbstractExampleTensorizer {

    /**
     * Creates a tensorizer for images of the given shape.
     *
     * @param shape The image shape.
     */
    public ImageTensorizer(ImageShape shape) {
        super(shape);
    }

    @Override
    protected String describe(int count) {
        return count + " images of shape " + shape();
    }

    /**
     * {@inheritDoc}
     * <p>
     * A feature whose name is not a pixel index of the shape, or whose value is not finite, is an error.
     * A {@link CompactImageExample} of the shape's size is copied from its bytes directly.
     */
    @Override
    protected void fill(Example<?> example, float[] dest, int offset, int exampleIndex) {
        int p = shape().pixels();
        if (example instanceof CompactImageExample<?> compact && compact.size() == p) {
            // Its features are exactly pixels 0..p-1 by name: the bytes are the image already.
            compact.copyTo(dest, offset);
            return;
        }
        Arrays.fill(dest, offset, offset + p, 0.0f);
        for (Feature feature : example) {
            String name = feature.getName();
            long index = parseIndex(name);
            if (index < 0) {
                throw new IllegalArgumentException("feature '" + name + "' of " + exampleName(exampleIndex)
                        + " is not a pixel index (expected an integer in [0, " + p + ") for image shape "
                        + shape() + ")");
            }
            if (index >= p) {
                throw new IllegalArgumentException("feature '" + name + "' of " + exampleName(exampleIndex)
                        + " has pixel index " + index + ", outside [0, " + p + ") for image shape " + shape());
            }
            double value = feature.getValue();
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("feature '" + name + "' of " + exampleName(exampleIndex)
                        + " has non-finite value " + value);
            }
            dest[offset + (int) index] = (float) value;
        }
    }

    /**
     * The flat pixel index a feature name stands for, as IDXDataSource names pixels.
     * @param name The feature name.
     * @return The index, or -1 when the name is not a non-negative integer.
     */
    public static long pixelIndex(String name) {
        return parseIndex(name);
    }

    /** A non-negative decimal integer of ASCII digits (saturated at {@link Long#MAX_VALUE}), or -1. */
    private static long parseIndex(String name) {
        if (name == null || name.isEmpty()) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            if (value < Long.MAX_VALUE / 10) {
                value = value * 10 + (c - '0');
            } else {
                value = Long.MAX_VALUE;
            }
        }
        return value;
    }

    @Override
    public int[] featureIdAtPosition(ImmutableFeatureMap featureMap) {
        int[] ids = new int[shape().pixels()];
        Arrays.fill(ids, -1);
        for (VariableInfo info : featureMap) {
            long index = parseIndex(info.getName());
            if (index >= 0 && index < ids.length) {
                ids[(int) index] = ((VariableIDInfo) info).getID();
            }
        }
        return ids;
    }
}
