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


package org.tribuo.nas.examples;

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
 * Fashion-MNIST's training and test sets as image tensors, read with Tribuo's
 * {@link IDXDataSource} from the IDX files (the Debian package {@code dataset-fashion-mnist},
 * {@code scripts/fetch-fashion-mnist.sh}); test labels are numbered as the training set's.
 * @param train The 60,000 training images.
 * @param test The 10,000 test images.
 * @param classes The number of classes.
 */
public record FashionMnist(ImageData train, ImageData test, int classes) {

    /**
     * Reads both sets.
     * @param folder The folder of the four {@code *-ubyte.gz} files.
     * @return The sets.
     * @throws IOException If a file cannot be read.
     */
    public static FashionMnist load(Path folder) throws IOException {
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> trainSet = new MutableDataset<>(new IDXDataSource<>(
                folder.resolve("train-images-idx3-ubyte.gz"), folder.resolve("train-labels-idx1-ubyte.gz"), labels));
        MutableDataset<Label> testSet = new MutableDataset<>(new IDXDataSource<>(
                folder.resolve("t10k-images-idx3-ubyte.gz"), folder.resolve("t10k-labels-idx1-ubyte.gz"), labels));
        ImageTensorizer tensorizer = new ImageTensorizer(new ImageShape(1, 28, 28));
        return new FashionMnist(tensorizer.tensorize(trainSet, trainSet.getOutputIDInfo()),
                tensorizer.tensorize(testSet, trainSet.getOutputIDInfo()), trainSet.getOutputIDInfo().size());
    }
}
