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


package org.tribuo.nas.examples.parity;

import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.IDXDataSource;
import org.tribuo.nas.data.ImageData;
import org.tribuo.nas.data.ImageShape;
import org.tribuo.nas.data.ImageTensorizer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The first images of the Fashion-MNIST training set as tensors, with labels in the file's own
 * numbering (the digit in the label file), so the PyTorch side reads the same data and labels
 * straight from the IDX files.
 */
final class FashionMnistHead {

    private FashionMnistHead() {}

    /**
     * Reads the first {@code n} training images.
     * @param folder The folder holding {@code train-images-idx3-ubyte.gz} and {@code train-labels-idx1-ubyte.gz}.
     * @param n How many images.
     * @return Pixels 0..255 as floats, labels 0..9 as in the label file.
     * @throws IOException If the files cannot be read.
     */
    static ImageData load(Path folder, int n) throws IOException {
        MutableDataset<Label> train = new MutableDataset<>(new IDXDataSource<>(folder.resolve("train-images-idx3-ubyte.gz"),
                folder.resolve("train-labels-idx1-ubyte.gz"), new LabelFactory()));
        ImageData all = new ImageTensorizer(new ImageShape(1, 28, 28)).tensorize(train, train.getOutputIDInfo());
        ImageData head = all.head(n);
        // Tribuo numbers labels by first appearance; the IDX files name them by their digit.
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = Integer.parseInt(train.getOutputIDInfo().getOutput(head.label(i)).getLabel());
        }
        return new ImageData(head.shape(), head.pixels(), labels);
    }
}
