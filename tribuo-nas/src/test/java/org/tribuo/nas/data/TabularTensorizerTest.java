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

import org.junit.jupiter.api.Test;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.nas.tabular.SklearnCsv;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class TabularTensorizerTest {

    @Test
    public void wineBecomesThirteenFeatureVectors() {
        MutableDataset<Label> wine = SklearnCsv.load(SklearnCsv.WINE);
        TabularTensorizer tensorizer = new TabularTensorizer(wine.getFeatureIDMap());
        ImageData data = tensorizer.tensorize(wine, wine.getOutputIDInfo());

        assertEquals(new ImageShape(13, 1, 1), data.shape());
        assertEquals(13, tensorizer.numFeatures());
        assertEquals(178, data.size());
        // Row 0: 14.23,1.71,2.43,15.6,127,2.8,3.06,0.28,2.29,5.64,1.04,3.92,1065 (class_0).
        int alcohol = wine.getFeatureIDMap().getID("f00");
        int proline = wine.getFeatureIDMap().getID("f12");
        assertEquals(0, alcohol);
        assertEquals(12, proline);
        assertEquals(14.23f, data.pixels()[data.offsetOf(0) + alcohol], 0f);
        assertEquals(1065f, data.pixels()[data.offsetOf(0) + proline], 0f);
        // Last row: 14.13,4.1,2.74,24.5,96,2.05,0.76,0.56,1.35,9.2,0.61,1.6,560 (class_2).
        assertEquals(9.2f, data.pixels()[data.offsetOf(177) + 9], 0f);
        assertEquals(wine.getOutputIDInfo().getID(new Label("class_0")), data.label(0));
        assertEquals(wine.getOutputIDInfo().getID(new Label("class_2")), data.label(177));
        int[] counts = new int[3];
        for (int label : data.labels()) {
            counts[label]++;
        }
        assertEquals(59, counts[wine.getOutputIDInfo().getID(new Label("class_0"))]);
        assertEquals(71, counts[wine.getOutputIDInfo().getID(new Label("class_1"))]);
        assertEquals(48, counts[wine.getOutputIDInfo().getID(new Label("class_2"))]);

        // Per-feature standardization from training statistics is Normalization on (d, 1, 1).
        Normalization norm = Normalization.fit(data);
        assertEquals(1065f, data.pixels()[proline], 0f, "fitting does not modify the data");
        assertEquals(746.893, norm.means()[proline], 0.01);
        assertEquals(314.022, norm.stds()[proline], 0.01, "population std");
    }

    @Test
    public void breastCancerLoads() {
        MutableDataset<Label> bc = SklearnCsv.load(SklearnCsv.BREAST_CANCER);
        ImageData data = new TabularTensorizer(bc.getFeatureIDMap()).tensorize(bc, bc.getOutputIDInfo());
        assertEquals(new ImageShape(30, 1, 1), data.shape());
        assertEquals(569, data.size());
        assertEquals(17.99f, data.pixels()[0], 0f);
    }

    @Test
    public void absentFeaturesAreZeroAndUnknownFeaturesIgnored() {
        MutableDataset<Label> wine = SklearnCsv.load(SklearnCsv.WINE);
        TabularTensorizer tensorizer = new TabularTensorizer(wine.getFeatureIDMap());
        ArrayExample<Label> sparse = new ArrayExample<>(LabelFactory.UNKNOWN_LABEL,
                new String[]{"f03", "f11", "colour_of_label", "zz_unknown"}, new double[]{2.5, -1.0, Double.NaN, 7.0});
        float[] dest = new float[2 + 13];
        java.util.Arrays.fill(dest, 9f);
        tensorizer.tensorizeInto(sparse, dest, 2);
        float[] expected = new float[15];
        expected[0] = 9f;
        expected[1] = 9f;
        expected[2 + 3] = 2.5f;
        expected[2 + 11] = -1.0f;
        assertArrayEquals(expected, dest, 0f);
        assertArrayEquals(java.util.Arrays.copyOfRange(expected, 2, 15), tensorizer.tensorize(sparse), 0f);
        assertThrows(IndexOutOfBoundsException.class, () -> tensorizer.tensorizeInto(sparse, new float[13], 1));
    }

    @Test
    public void nonFiniteValuesAreRefusedNamingTheFeatureAndTheExample() {
        MutableDataset<Label> wine = SklearnCsv.load(SklearnCsv.WINE);
        TabularTensorizer tensorizer = new TabularTensorizer(wine.getFeatureIDMap());
        ArrayExample<Label> nan = new ArrayExample<>(new Label("class_0"), new String[]{"f00", "f07"},
                new double[]{1.0, Double.NaN});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tensorizer.tensorize(nan));
        assertTrue(e.getMessage().contains("'f07'") && e.getMessage().contains("NaN"), e.getMessage());

        // Tribuo datasets refuse NaN themselves, not infinities: a dataset names the example index.
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> bad = new MutableDataset<>(new SimpleDataSourceProvenance("hand-made", factory), factory);
        bad.add(new ArrayExample<>(new Label("a"), new String[]{"f00", "f01"}, new double[]{1.0, 2.0}));
        bad.add(new ArrayExample<>(new Label("b"), new String[]{"f00", "f01"}, new double[]{Double.POSITIVE_INFINITY, 2.0}));
        TabularTensorizer badTensorizer = new TabularTensorizer(bad.getFeatureIDMap());
        IllegalArgumentException inf = assertThrows(IllegalArgumentException.class,
                () -> badTensorizer.tensorize(bad, bad.getOutputIDInfo()));
        assertTrue(inf.getMessage().contains("'f00' of example 1") && inf.getMessage().contains("Infinity"), inf.getMessage());

        ArrayExample<Label> huge = new ArrayExample<>(new Label("a"), new String[]{"f01"}, new double[]{1e300});
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class, () -> badTensorizer.tensorize(huge));
        assertTrue(range.getMessage().contains("'f01'") && range.getMessage().contains("float range"), range.getMessage());
    }

    @Test
    public void unknownLabelsAreRefusedAndTheEmptyMapToo() {
        MutableDataset<Label> wine = SklearnCsv.load(SklearnCsv.WINE);
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> other = new MutableDataset<>(new SimpleDataSourceProvenance("hand-made", factory), factory);
        other.add(new ArrayExample<>(new Label("class_9"), new String[]{"f00"}, new double[]{1.0}));
        TabularTensorizer tensorizer = new TabularTensorizer(wine.getFeatureIDMap());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tensorizer.tensorize(other, wine.getOutputIDInfo()));
        assertTrue(e.getMessage().contains("class_9") && e.getMessage().contains("example 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new TabularTensorizer(new ImmutableFeatureMap(new java.util.ArrayList<>())));
    }
}
