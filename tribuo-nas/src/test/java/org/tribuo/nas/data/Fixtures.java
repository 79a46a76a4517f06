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

import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.IDXDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.zip.GZIPInputStream;

/**
 * Test helpers: the committed Fashion-MNIST fixture and hand-made datasets.
 */
final class Fixtures {
    /** Number of training images in the fixture. */
    static final int TRAIN_SIZE = 1000;
    /** Number of test images in the fixture. */
    static final int TEST_SIZE = 200;
    /** The shape of a Fashion-MNIST image. */
    static final ImageShape MNIST_SHAPE = new ImageShape(1, 28, 28);

    private static final String DIR = "/fixtures/fashion-mnist/";

    private Fixtures() {}

    /**
     * The path of a fixture file, e.g. {@code train-images-idx3-ubyte.gz}.
     */
    static Path path(String file) {
        URL url = Fixtures.class.getResource(DIR + file);
        if (url == null) {
            throw new IllegalStateException("missing test fixture " + DIR + file);
        }
        try {
            return Paths.get(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Loads a fixture split ("train" or "t10k") through Tribuo's IDXDataSource.
     */
    static MutableDataset<Label> load(String split) throws IOException {
        IDXDataSource<Label> source = new IDXDataSource<>(path(split + "-images-idx3-ubyte.gz"),
                path(split + "-labels-idx1-ubyte.gz"), new LabelFactory());
        return new MutableDataset<>(source);
    }

    /**
     * Decodes an unsigned-byte gzipped IDX file directly, returning its payload (header checked).
     */
    static byte[] readIdxPayload(String file, int expectedDims) throws IOException {
        try (InputStream raw = Files.newInputStream(path(file));
             DataInputStream in = new DataInputStream(new GZIPInputStream(raw))) {
            int magic = in.readInt();
            if ((magic >>> 8) != 0x08 || (magic & 0xFF) != expectedDims) {
                throw new IOException(file + ": unexpected IDX magic " + Integer.toHexString(magic));
            }
            long total = 1;
            for (int d = 0; d < expectedDims; d++) {
                total *= in.readInt();
            }
            byte[] payload = new byte[(int) total];
            in.readFully(payload);
            if (in.read() != -1) {
                throw new IOException(file + ": trailing bytes");
            }
            return payload;
        }
    }

    /**
     * An empty dataset of labels.
     */
    static MutableDataset<Label> emptyDataset() {
        LabelFactory factory = new LabelFactory();
        return new MutableDataset<>(new SimpleDataSourceProvenance("hand-made", factory), factory);
    }

    /**
     * Makes an example with the given label and features.
     */
    static ArrayExample<Label> example(String label, String[] names, double[] values) {
        return new ArrayExample<>(new Label(label), names, values);
    }
}
