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
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.impl.ListExample;

import java.io.IOException;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageTensorizerTest {
    /** Two channels of 2x3: flat index i is channel i/6, row (i%6)/3, column i%3. */
    private static final ImageShape SHAPE = new ImageShape(2, 2, 3);

    /** Three sparse examples whose features cover only indices 1, 4, 7 and 11 (compacted ids 0..3). */
    private static MutableDataset<Label> sparseDataset() {
        MutableDataset<Label> d = Fixtures.emptyDataset();
        d.add(Fixtures.example("a", new String[] {"04", "01"}, new double[] {4.0, 1.0}));
        d.add(new ListExample<>(new Label("b"), new String[] {"11"}, new double[] {11.5}));
        d.add(Fixtures.example("a", new String[] {"07", "11", "01"}, new double[] {-7.0, 11.0, 0.25}));
        return d;
    }

    @Test
    void placesPixelsByFeatureNameNotFeatureId() {
        MutableDataset<Label> d = sparseDataset();
        ImmutableFeatureMap fmap = d.getFeatureIDMap();
        assertEquals(4, fmap.size());
        // The feature ids are compacted (11 -> 3), so they cannot be used as positions.
        assertEquals(3, fmap.getID("11"));
        assertEquals(2, fmap.getID("07"));

        ImageData data = new ImageTensorizer(SHAPE).tensorize(d, d.getOutputIDInfo());
        assertEquals(3, data.size());
        assertEquals(SHAPE, data.shape());
        float[] expected = new float[3 * 12];
        expected[1] = 1.0f;
        expected[4] = 4.0f;
        expected[12 + 11] = 11.5f;
        expected[24 + 1] = 0.25f;
        expected[24 + 7] = -7.0f;
        expected[24 + 11] = 11.0f;
        assertArrayEquals(expected, data.pixels());

        // Row-major CHW: index 11 is channel 1, row 1, column 2; index 4 is channel 0, row 1, column 1.
        assertEquals(11.5f, data.pixels()[12 + 1 * 6 + 1 * 3 + 2]);
        assertEquals(4.0f, data.pixels()[0 * 6 + 1 * 3 + 1]);

        ImmutableOutputInfo<Label> ids = d.getOutputIDInfo();
        assertArrayEquals(new int[] {ids.getID(new Label("a")), ids.getID(new Label("b")), ids.getID(new Label("a"))},
                data.labels());
        assertNotEquals(data.labels()[0], data.labels()[1]);
    }

    @Test
    void singleExampleAndTensorizeIntoZeroTheirRegion() {
        ImageTensorizer t = new ImageTensorizer(SHAPE);
        ArrayExample<Label> ex = Fixtures.example("a", new String[] {"0", "11"}, new double[] {2.0, 3.0});
        float[] one = t.tensorize(ex);
        assertEquals(12, one.length);
        assertEquals(2.0f, one[0]);
        assertEquals(3.0f, one[11]);
        assertEquals(5.0, sum(one), 0.0);

        float[] dest = new float[30];
        Arrays.fill(dest, 9.0f);
        t.tensorizeInto(ex, dest, 5);
        for (int i = 0; i < 30; i++) {
            float want = (i < 5 || i >= 17) ? 9.0f : (i == 5 ? 2.0f : (i == 16 ? 3.0f : 0.0f));
            assertEquals(want, dest[i], "position " + i);
        }
        assertThrows(IndexOutOfBoundsException.class, () -> t.tensorizeInto(ex, dest, 19));
        assertThrows(IndexOutOfBoundsException.class, () -> t.tensorizeInto(ex, dest, -1));
    }

    @Test
    void matchesRawIdxBytesOfTheFixture() throws IOException {
        MutableDataset<Label> train = Fixtures.load("train");
        assertEquals(Fixtures.TRAIN_SIZE, train.size());
        // Tribuo drops zero pixels, so fewer than 784 features are seen and ids are compacted.
        assertTrue(train.getFeatureIDMap().size() < Fixtures.MNIST_SHAPE.pixels());

        ImageData data = new ImageTensorizer(Fixtures.MNIST_SHAPE).tensorize(train, train.getOutputIDInfo());
        byte[] images = Fixtures.readIdxPayload("train-images-idx3-ubyte.gz", 3);
        byte[] labels = Fixtures.readIdxPayload("train-labels-idx1-ubyte.gz", 1);
        assertEquals(images.length, data.pixels().length);

        // Example 0 pixel by pixel, then the whole fixture.
        for (int i = 0; i < 784; i++) {
            assertEquals(images[i] & 0xFF, data.pixels()[i], "example 0, pixel " + i);
        }
        for (int i = 0; i < images.length; i++) {
            if ((images[i] & 0xFF) != data.pixels()[i]) {
                throw new AssertionError("pixel " + i + ": raw " + (images[i] & 0xFF) + " vs " + data.pixels()[i]);
            }
        }
        ImmutableOutputInfo<Label> ids = train.getOutputIDInfo();
        for (int i = 0; i < labels.length; i++) {
            assertEquals(Integer.toString(labels[i]), ids.getOutput(data.labels()[i]).getLabel(), "label " + i);
        }
        assertEquals("9", ids.getOutput(data.labels()[0]).getLabel());
    }

    @Test
    void testSplitUsesTheTrainingLabelIds() throws IOException {
        MutableDataset<Label> train = Fixtures.load("train");
        MutableDataset<Label> test = Fixtures.load("t10k");
        ImageData data = new ImageTensorizer(Fixtures.MNIST_SHAPE).tensorize(test, train.getOutputIDInfo());
        byte[] labels = Fixtures.readIdxPayload("t10k-labels-idx1-ubyte.gz", 1);
        assertEquals(Fixtures.TEST_SIZE, data.size());
        for (int i = 0; i < labels.length; i++) {
            assertEquals(Integer.toString(labels[i]), train.getOutputIDInfo().getOutput(data.labels()[i]).getLabel());
        }
    }

    @Test
    void nonPixelNameIsReportedWithExampleAndShape() {
        MutableDataset<Label> d = Fixtures.emptyDataset();
        d.add(Fixtures.example("setosa", new String[] {"petal_width"}, new double[] {0.2}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ImageTensorizer(Fixtures.MNIST_SHAPE).tensorize(d, d.getOutputIDInfo()));
        assertEquals("feature 'petal_width' of example 0 is not a pixel index "
                + "(expected an integer in [0, 784) for image shape 1x28x28)", e.getMessage());

        for (String bad : new String[] {"-1", "+3", " 3", "3.0", "1e2", "x@1"}) {
            MutableDataset<Label> d2 = Fixtures.emptyDataset();
            d2.add(Fixtures.example("a", new String[] {"0"}, new double[] {1.0}));
            d2.add(Fixtures.example("a", new String[] {"1", bad}, new double[] {1.0, 2.0}));
            IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
                    () -> new ImageTensorizer(SHAPE).tensorize(d2, d2.getOutputIDInfo()), bad);
            assertTrue(e2.getMessage().startsWith("feature '" + bad + "' of example 1 is not a pixel index"),
                    e2.getMessage());
            assertTrue(e2.getMessage().contains("2x2x3"), e2.getMessage());
        }
    }

    @Test
    void outOfRangeIndexIsReported() {
        for (String big : new String[] {"784", "99999999999999999999999999"}) {
            MutableDataset<Label> d = Fixtures.emptyDataset();
            d.add(Fixtures.example("a", new String[] {"000"}, new double[] {1.0}));
            d.add(Fixtures.example("a", new String[] {"783"}, new double[] {1.0}));
            d.add(Fixtures.example("b", new String[] {big}, new double[] {1.0}));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new ImageTensorizer(Fixtures.MNIST_SHAPE).tensorize(d, d.getOutputIDInfo()));
            assertTrue(e.getMessage().startsWith("feature '" + big + "' of example 2 has pixel index"), e.getMessage());
            assertTrue(e.getMessage().contains("[0, 784)") && e.getMessage().contains("1x28x28"), e.getMessage());
        }
    }

    @Test
    void nonFiniteValuesAreReported() {
        // MutableDataset rejects NaN on add, so poison an example after adding it.
        MutableDataset<Label> d = Fixtures.emptyDataset();
        d.add(Fixtures.example("a", new String[] {"0"}, new double[] {1.0}));
        ArrayExample<Label> poisoned = Fixtures.example("a", new String[] {"5", "3"}, new double[] {1.0, 2.0});
        d.add(poisoned);
        poisoned.set(new Feature("5", Double.NaN));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ImageTensorizer(SHAPE).tensorize(d, d.getOutputIDInfo()));
        assertEquals("feature '5' of example 1 has non-finite value NaN", e.getMessage());

        MutableDataset<Label> inf = Fixtures.emptyDataset();
        inf.add(Fixtures.example("a", new String[] {"2"}, new double[] {Double.NEGATIVE_INFINITY}));
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
                () -> new ImageTensorizer(SHAPE).tensorize(inf, inf.getOutputIDInfo()));
        assertEquals("feature '2' of example 0 has non-finite value -Infinity", e2.getMessage());

        IllegalArgumentException e3 = assertThrows(IllegalArgumentException.class,
                () -> new ImageTensorizer(SHAPE).tensorize(poisoned));
        assertEquals("feature '5' of the example has non-finite value NaN", e3.getMessage());
    }

    @Test
    void unknownLabelIsReported() {
        MutableDataset<Label> train = Fixtures.emptyDataset();
        train.add(Fixtures.example("dog", new String[] {"0"}, new double[] {1.0}));
        MutableDataset<Label> test = Fixtures.emptyDataset();
        test.add(Fixtures.example("dog", new String[] {"0"}, new double[] {1.0}));
        test.add(Fixtures.example("cat", new String[] {"1"}, new double[] {1.0}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ImageTensorizer(SHAPE).tensorize(test, train.getOutputIDInfo()));
        assertTrue(e.getMessage().startsWith("label 'cat' of example 1 is not in the label id mapping"),
                e.getMessage());
    }

    @Test
    void tribuosUnknownLabelBecomesMinusOne() {
        MutableDataset<Label> train = Fixtures.emptyDataset();
        train.add(Fixtures.example("dog", new String[] {"0"}, new double[] {1.0}));
        MutableDataset<Label> unlabelled = Fixtures.emptyDataset();
        unlabelled.add(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, new String[] {"3"}, new double[] {1.0}));
        ImageData data = new ImageTensorizer(SHAPE).tensorize(unlabelled, train.getOutputIDInfo());
        assertArrayEquals(new int[] {ImageData.UNKNOWN_LABEL}, data.labels());
        assertEquals(1.0f, data.pixels()[3]);
    }

    @Test
    void emptyDatasetIsRejected() {
        MutableDataset<Label> train = Fixtures.emptyDataset();
        train.add(Fixtures.example("dog", new String[] {"0"}, new double[] {1.0}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ImageTensorizer(SHAPE).tensorize(Fixtures.emptyDataset(), train.getOutputIDInfo()));
        assertEquals("dataset is empty", e.getMessage());
    }

    private static double sum(float[] a) {
        double s = 0;
        for (float v : a) {
            s += v;
        }
        return s;
    }
}
