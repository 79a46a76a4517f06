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

package org.tribuo.nas.testutil;

import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.IDXDataSource;
import org.tribuo.nas.data.ImageData;
import org.tribuo.nas.data.ImageShape;
import org.tribuo.nas.data.ImageTensorizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The committed Fashion-MNIST fixture (first 1000 train / 200 test images), for tests of
 * every package.
 */
public final class FashionFixture {

    /** The image shape. */
    public static final ImageShape SHAPE = new ImageShape(1, 28, 28);

    private static final String RESOURCES = "/fixtures/fashion-mnist/";

    private FashionFixture() {}

    private static final String[] FILES = {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", "ATTRIBUTION.md"};

    private static Path directory;

    /**
     * The folder holding the fixture's IDX files: the resource folder itself, or, when the
     * fixture comes inside a jar (the test-jar other modules' tests use), a copy in a temporary
     * folder.
     * @return The path.
     */
    public static synchronized Path directory() {
        if (directory == null) {
            directory = locate();
        }
        return directory;
    }

    private static Path locate() {
        URL url = FashionFixture.class.getResource(RESOURCES + FILES[0]);
        if (url == null) {
            throw new IllegalStateException("missing test fixture " + RESOURCES);
        }
        try {
            if (!"jar".equals(url.getProtocol())) {
                return Paths.get(url.toURI()).getParent();
            }
            Path copy = Files.createTempDirectory("fashion-fixture");
            copy.toFile().deleteOnExit();
            for (String name : FILES) {
                try (InputStream in = FashionFixture.class.getResourceAsStream(RESOURCES + name)) {
                    if (in == null) {
                        throw new IllegalStateException("missing test fixture " + RESOURCES + name);
                    }
                    Files.copy(in, copy.resolve(name));
                    copy.resolve(name).toFile().deleteOnExit();
                }
            }
            return copy;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The IDX data source of a split.
     * @param split "train" or "t10k".
     * @return The source.
     */
    public static IDXDataSource<Label> source(String split) {
        try {
            return new IDXDataSource<>(directory().resolve(split + "-images-idx3-ubyte.gz"),
                    directory().resolve(split + "-labels-idx1-ubyte.gz"), new LabelFactory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A split as a Tribuo dataset.
     * @param split "train" or "t10k".
     * @return The dataset.
     */
    public static MutableDataset<Label> dataset(String split) {
        return new MutableDataset<>(source(split));
    }

    /**
     * The first {@code n} examples of a split, keeping the data source's provenance.
     * @param split "train" or "t10k".
     * @param n How many.
     * @return The dataset.
     */
    public static MutableDataset<Label> datasetHead(String split, int n) {
        IDXDataSource<Label> source = source(split);
        MutableDataset<Label> head = new MutableDataset<>(source.getProvenance(), source.getOutputFactory());
        int i = 0;
        for (org.tribuo.Example<Label> e : source) {
            if (i++ == n) {
                break;
            }
            head.add(e);
        }
        return head;
    }

    /**
     * The first {@code n} training images, tensorized with the train split's label ids.
     * @param n How many.
     * @return The images.
     */
    public static ImageData trainImages(int n) {
        MutableDataset<Label> train = dataset("train");
        return new ImageTensorizer(SHAPE).tensorize(train, train.getOutputIDInfo()).head(n);
    }
}
