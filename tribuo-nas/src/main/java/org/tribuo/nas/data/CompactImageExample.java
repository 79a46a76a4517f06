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
import org.tribuo.Feature;
import org.tribuo.FeatureMap;
import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;
import org.tribuo.protos.core.ExampleProto;
import org.tribuo.transform.TransformerMap;
import org.tribuo.util.Merger;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * An image as a Tribuo example at one byte per pixel value: the pixels (0–255, channel-major
 * C,H,W) live in a byte array and the feature names are the shared {@link PixelNames}, so an
 * example of a 3×32×32 image costs about 3.1 kB instead of the ~37 kB of an {@code ArrayExample}
 * (a name reference and a double per pixel).
 * <p>
 * Every pixel is a feature, zeros included, so the example is dense and a dataset of them has
 * the whole image in its feature map. Features are made on the fly when iterated, with the
 * names {@link ImageTensorizer} reads; the tensorizer also copies the bytes directly.
 * <p>
 * The set of features is fixed: {@link #add}, {@link #addAll}, {@link #removeFeatures} and
 * {@link #transform} throw {@link UnsupportedOperationException}, and {@link #set} takes only
 * whole values in [0, 255]. Copy it into an {@link ArrayExample} to edit it freely.
 * Protobuf serialization writes it as that {@code ArrayExample}.
 * @param <T> The output type.
 */
public final class CompactImageExample<T extends Output<T>> extends Example<T> {
    private static final long serialVersionUID = 1L;

    private final PixelNames names;
    private final byte[] pixels;

    /**
     * Wraps the pixels (no copy: the example owns the array from now on).
     * @param output The output.
     * @param pixels The pixel values as unsigned bytes, channel-major.
     */
    public CompactImageExample(T output, byte[] pixels) {
        super(output);
        this.pixels = Objects.requireNonNull(pixels, "pixels");
        this.names = PixelNames.of(pixels.length);
    }

    private CompactImageExample(CompactImageExample<T> other) {
        super(other);
        this.names = other.names;
        this.pixels = other.pixels.clone();
    }

    /**
     * One pixel value.
     * @param index The flat channel-major index.
     * @return The value in [0, 255].
     */
    public int pixel(int index) {
        return pixels[index] & 0xff;
    }

    /**
     * Writes the pixel values as floats into {@code dest[offset .. offset + size())}.
     * @param dest The destination.
     * @param offset Where the image starts in it.
     */
    public void copyTo(float[] dest, int offset) {
        Objects.checkFromIndexSize(offset, pixels.length, dest.length);
        for (int i = 0; i < pixels.length; i++) {
            dest[offset + i] = pixels[i] & 0xff;
        }
    }

    @Override
    public int size() {
        return pixels.length;
    }

    @Override
    public Iterator<Feature> iterator() {
        return new Iterator<>() {
            private int next = 0;

            @Override
            public boolean hasNext() {
                return next < pixels.length;
            }

            @Override
            public Feature next() {
                if (next >= pixels.length) {
                    throw new NoSuchElementException();
                }
                int i = next++;
                return new Feature(names.name(i), pixels[i] & 0xff);
            }
        };
    }

    @Override
    public Feature lookup(String name) {
        int index = names.indexOf(name);
        return index < 0 ? null : new Feature(name, pixels[index] & 0xff);
    }

    /**
     * {@inheritDoc}
     * @throws IllegalArgumentException If the name is not a pixel of this image or the value is
     *                                  not a whole number in [0, 255].
     */
    @Override
    public void set(Feature feature) {
        int index = names.indexOf(feature.getName());
        if (index < 0) {
            throw new IllegalArgumentException("feature '" + feature.getName() + "' is not a pixel of this "
                    + pixels.length + "-pixel image");
        }
        double value = feature.getValue();
        if (value != Math.rint(value) || value < 0 || value > 255) {
            throw new IllegalArgumentException("a compact image example holds bytes; cannot set pixel '"
                    + feature.getName() + "' to " + value + " (copy it into an ArrayExample first)");
        }
        pixels[index] = (byte) value;
    }

    @Override
    public void add(Feature feature) {
        throw fixedFeatures("add a feature");
    }

    @Override
    public void addAll(Collection<? extends Feature> features) {
        throw fixedFeatures("add features");
    }

    @Override
    public void removeFeatures(List<Feature> featureList) {
        throw fixedFeatures("remove features");
    }

    @Override
    public void transform(TransformerMap transformerMap) {
        throw fixedFeatures("transform its values");
    }

    private static UnsupportedOperationException fixedFeatures(String what) {
        return new UnsupportedOperationException("cannot " + what + " of a CompactImageExample (one byte per pixel);"
                + " copy it into an ArrayExample first: new ArrayExample<>(example)");
    }

    /** Pixel names are unique, so there is nothing to merge. */
    @Override
    public void reduceByName(Merger merger) {
    }

    @Override
    public boolean validateExample() {
        return pixels.length > 0;
    }

    @Override
    public boolean isDense(FeatureMap fMap) {
        if (fMap.size() != pixels.length) {
            return false;
        }
        for (int i = 0; i < pixels.length; i++) {
            if (fMap.get(names.name(i)) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every pixel is already present, so this only checks that no other feature is asked for.
     * @param featureNames Sorted feature names.
     * @throws IllegalArgumentException If a name is not a pixel of this image.
     */
    @Override
    protected void densify(List<String> featureNames) {
        for (String name : featureNames) {
            if (names.indexOf(name) < 0) {
                throw new IllegalArgumentException("cannot add feature '" + name + "' to a " + pixels.length
                        + "-pixel CompactImageExample; copy it into an ArrayExample first");
            }
        }
    }

    /** The names are the shared {@link PixelNames} already. */
    @Override
    public void canonicalize(FeatureMap featureMap) {
    }

    /** Pixel names are generated in sorted order. */
    @Override
    protected void sort() {
    }

    @Override
    public CompactImageExample<T> copy() {
        return new CompactImageExample<>(this);
    }

    @Override
    public ExampleProto serialize() {
        return new ArrayExample<>(this).serialize();
    }

    @Override
    public String toString() {
        return "CompactImageExample(pixels=" + pixels.length + ",output=" + output + ",weight=" + weight + ")";
    }
}
