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

package org.tribuo.nas.tabular;

import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Loads the committed scikit-learn CSV fixtures ({@code wine_data.csv}, {@code breast_cancer.csv})
 * into Tribuo datasets. Their first line is {@code n_samples,n_features,class names...}; each
 * following line is the feature values then the integer class id. Features are named
 * {@code f00}, {@code f01}, … in column order, labels are the class names.
 */
public final class SklearnCsv {

    /** The wine fixture: 178 rows, 13 features, 3 classes. */
    public static final String WINE = "wine_data.csv";
    /** The breast cancer fixture: 569 rows, 30 features, 2 classes. */
    public static final String BREAST_CANCER = "breast_cancer.csv";

    private SklearnCsv() {}

    /**
     * The feature name of a column.
     */
    static String featureName(int column) {
        return String.format("f%02d", column);
    }

    /**
     * Loads a fixture.
     */
    public static MutableDataset<Label> load(String file) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("scikit-learn " + file, factory), factory);
        try (InputStream raw = SklearnCsv.class.getResourceAsStream(file)) {
            if (raw == null) {
                throw new IllegalStateException("missing test fixture " + file);
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(raw, StandardCharsets.US_ASCII));
            String[] header = in.readLine().split(",");
            int rows = Integer.parseInt(header[0]);
            int features = Integer.parseInt(header[1]);
            String[] classes = new String[header.length - 2];
            System.arraycopy(header, 2, classes, 0, classes.length);
            String[] names = new String[features];
            for (int j = 0; j < features; j++) {
                names[j] = featureName(j);
            }
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",");
                if (cells.length != features + 1) {
                    throw new IllegalStateException(file + " line " + lineNo + ": " + cells.length
                            + " fields, expected " + (features + 1));
                }
                double[] values = new double[features];
                for (int j = 0; j < features; j++) {
                    values[j] = Double.parseDouble(cells[j]);
                }
                Label label = new Label(classes[Integer.parseInt(cells[features])]);
                dataset.add(new ArrayExample<>(label, names, values));
            }
            if (dataset.size() != rows) {
                throw new IllegalStateException(file + " has " + dataset.size() + " rows, its header says " + rows);
            }
            return dataset;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
