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

import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.tribuo.Dataset;
import org.tribuo.VariableInfo;
import org.tribuo.provenance.DataProvenance;
import org.tribuo.provenance.DatasetProvenance;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The shape of the images in a dataset, checked or inferred before anything trains: a wrong
 * shape would place the flat pixel indices on the wrong rows and train on scrambled images.
 * <ul>
 *   <li>IDX files carry their dimensions; when the dataset came from an IDX file that can still
 *       be read (its path is in the data source's provenance), its header decides. When it came
 *       from an {@link ImageFolderDataSource}, its configured shape decides.</li>
 *   <li>Otherwise the largest pixel index seen bounds the shape from below: a configured shape
 *       must hold it; an inferred one is the square (one channel) or three-channel square image
 *       of exactly that many pixels, and anything else is refused as ambiguous.</li>
 * </ul>
 */
public final class ImageShapeResolver {

    private static final String FEATURES_PATH = "featuresPath";

    private ImageShapeResolver() {}

    /**
     * Checks the configured shape against the data, or infers it.
     * @param configured The configured shape, or empty to infer it.
     * @param data The training data: pixels named by their flat index.
     * @return The shape to train with.
     * @throws IllegalArgumentException If the configured shape disagrees with the data, naming both,
     *                                  or the shape cannot be inferred.
     */
    public static ImageShape resolve(Optional<ImageShape> configured, Dataset<?> data) {
        Optional<ImageShape> idx = idxHeader(data.getProvenance());
        Optional<ImageShape> header = idx.or(() -> imageFolderShape(data.getProvenance()));
        String source = idx.isPresent() ? "IDX file" : "image folder source";
        long pixelsSeen = largestPixelIndex(data) + 1;
        if (configured.isPresent()) {
            ImageShape shape = configured.get();
            if (header.isPresent() && !header.get().equals(shape)) {
                throw new IllegalArgumentException("the configured image shape " + shape + " (imageChannels x imageHeight x"
                        + " imageWidth) disagrees with the data's " + source + ", whose images are " + header.get()
                        + "; set the shape to " + header.get() + " or leave it out to use the " + source + "'s");
            }
            if (pixelsSeen > shape.pixels()) {
                throw new IllegalArgumentException("the configured image shape " + shape + " has " + shape.pixels()
                        + " pixels, but the data has a pixel with index " + (pixelsSeen - 1) + " (at least " + pixelsSeen
                        + " pixels)");
            }
            return shape;
        }
        if (header.isPresent()) {
            return header.get();
        }
        return fromPixelCount(pixelsSeen);
    }

    /**
     * The one shape of an image with exactly this many pixels: a square, or a three-channel square.
     * @param pixels The pixel count.
     * @return The shape.
     * @throws IllegalArgumentException If neither fits.
     */
    static ImageShape fromPixelCount(long pixels) {
        long side = squareRoot(pixels);
        if (side > 0) {
            return new ImageShape(1, (int) side, (int) side);
        }
        long rgbSide = pixels % 3 == 0 ? squareRoot(pixels / 3) : -1;
        if (rgbSide > 0) {
            return new ImageShape(3, (int) rgbSide, (int) rgbSide);
        }
        throw new IllegalArgumentException("cannot infer the image shape: the largest pixel index seen is " + (pixels - 1)
                + ", and " + pixels + " pixels are neither a square nor three squares (images whose last pixels are"
                + " always zero look smaller than they are); set imageChannels, imageHeight and imageWidth");
    }

    private static long squareRoot(long n) {
        long r = Math.round(Math.sqrt((double) n));
        return r > 0 && r * r == n ? r : -1;
    }

    private static long largestPixelIndex(Dataset<?> data) {
        long largest = -1;
        for (VariableInfo info : data.getFeatureMap()) {
            long index = ImageTensorizer.pixelIndex(info.getName());
            if (index < 0) {
                throw new IllegalArgumentException("feature '" + info.getName() + "' is not a pixel index: image spaces"
                        + " need pixels named by their flat index, as IDXDataSource writes them");
            }
            largest = Math.max(largest, index);
        }
        return largest;
    }

    /** The image shape in the header of the IDX file the data came from, if it can be read. */
    static Optional<ImageShape> idxHeader(DataProvenance provenance) {
        if (!(provenance instanceof DatasetProvenance dataset)) {
            return Optional.empty();
        }
        DataProvenance source = dataset.getSourceProvenance();
        if (!(source instanceof ConfiguredObjectProvenance configured)) {
            return Optional.empty();
        }
        Provenance path = configured.getConfiguredParameters().get(FEATURES_PATH);
        if (!(path instanceof PrimitiveProvenance<?> primitive) || primitive.getValue() == null) {
            return Optional.empty();
        }
        Path file = Paths.get(primitive.getValue().toString());
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(readIdxImageShape(file));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The shape an {@link ImageFolderDataSource} was configured with, from its provenance. */
    static Optional<ImageShape> imageFolderShape(DataProvenance provenance) {
        if (!(provenance instanceof DatasetProvenance dataset)
                || !(dataset.getSourceProvenance() instanceof ImageFolderDataSourceProvenance source)) {
            return Optional.empty();
        }
        Map<String, Provenance> settings = source.getConfiguredParameters();
        try {
            return Optional.of(new ImageShape(intSetting(settings, "channels"), intSetting(settings, "height"),
                    intSetting(settings, "width")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static int intSetting(Map<String, Provenance> settings, String name) {
        if (settings.get(name) instanceof PrimitiveProvenance<?> value && value.getValue() instanceof Integer i) {
            return i;
        }
        throw new IllegalArgumentException("no integer " + name);
    }

    /** [n, h, w] is a one-channel h × w image; [n, c, h, w] a c-channel one. */
    private static ImageShape readIdxImageShape(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            try (DataInputStream in = new DataInputStream(gzip ? new GZIPInputStream(raw) : raw)) {
                int magic = in.readInt();
                int dims = magic & 0xff;
                if ((magic >>> 16) != 0 || dims < 3 || dims > 4) {
                    throw new IllegalArgumentException("not an IDX image file");
                }
                int[] shape = new int[dims];
                for (int i = 0; i < dims; i++) {
                    shape[i] = in.readInt();
                }
                return dims == 3 ? new ImageShape(1, shape[1], shape[2]) : new ImageShape(shape[1], shape[2], shape[3]);
            }
        }
    }
}
