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

import org.tribuo.nas.search.SearchSchedule;
import org.tribuo.nas.nb201.Nb201SearchSpace;
import org.tribuo.nas.train.FinalTraining;
import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.impl.ArrayExample;
import org.tribuo.nas.GaeaTrainer;
import org.tribuo.nas.testutil.FashionFixture;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The image shape is read from the IDX header, inferred from the pixel indices, or refused when
 * it disagrees with the data or cannot be told.
 */
public class ImageShapeResolverTest {

    private static final ImageShape MNIST = new ImageShape(1, 28, 28);

    /** Examples with pixels up to the given index, from no file (no IDX header to read). */
    private static MutableDataset<Label> withoutHeader(int largestIndex) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("in memory", factory), factory);
        for (int i = 0; i < 4; i++) {
            ArrayExample<Label> e = new ArrayExample<>(new Label(i % 2 == 0 ? "a" : "b"));
            e.add(String.format("%03d", i), 1.0);
            e.add(String.format("%03d", largestIndex), 2.0);
            data.add(e);
        }
        return data;
    }

    @Test
    public void theIdxHeaderGivesTheShape() {
        MutableDataset<Label> data = FashionFixture.datasetHead("train", 16);
        assertEquals(MNIST, ImageShapeResolver.resolve(Optional.empty(), data));
        assertEquals(MNIST, ImageShapeResolver.resolve(Optional.of(MNIST), data));
    }

    @Test
    public void aConfiguredShapeThatDisagreesWithTheIdxFileIsRefusedNamingBoth() {
        MutableDataset<Label> data = FashionFixture.datasetHead("train", 16);
        for (ImageShape wrong : new ImageShape[]{new ImageShape(1, 32, 28), new ImageShape(1, 14, 56)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ImageShapeResolver.resolve(Optional.of(wrong), data));
            assertTrue(e.getMessage().contains(wrong.toString()) && e.getMessage().contains(MNIST.toString()), e.getMessage());
        }
    }

    @Test
    public void withoutAHeaderTheLargestPixelIndexDecides() {
        assertEquals(MNIST, ImageShapeResolver.resolve(Optional.empty(), withoutHeader(783)));
        assertEquals(new ImageShape(3, 32, 32), ImageShapeResolver.resolve(Optional.empty(), withoutHeader(3071)));
        IllegalArgumentException ambiguous = assertThrows(IllegalArgumentException.class,
                () -> ImageShapeResolver.resolve(Optional.empty(), withoutHeader(700)));
        assertTrue(ambiguous.getMessage().contains("cannot infer the image shape") && ambiguous.getMessage().contains("700"),
                ambiguous.getMessage());
        IllegalArgumentException tooSmall = assertThrows(IllegalArgumentException.class,
                () -> ImageShapeResolver.resolve(Optional.of(new ImageShape(1, 14, 14)), withoutHeader(783)));
        assertTrue(tooSmall.getMessage().contains("1x14x14") || tooSmall.getMessage().contains(new ImageShape(1, 14, 14).toString()),
                tooSmall.getMessage());
    }

    @Test
    public void theTrainerRefusesAWrongHeightBeforeTraining() {
        MutableDataset<Label> data = FashionFixture.datasetHead("train", 64);
        GaeaTrainer trainer = GaeaTrainer.builder().input(new ImageInput(new ImageShape(1, 32, 28)))
                .space(Nb201SearchSpace.builder().searchNetwork(16, 1).finalNetwork(16, 1).build())
                .search(SearchSchedule.builder().epochs(1).batchSize(32).build())
                .finalTraining(FinalTraining.builder().epochs(1).batchSize(32).build()).seed(1).device("cpu").build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trainer.train(data));
        assertTrue(e.getMessage().contains("disagrees with the data's IDX file"), e.getMessage());
    }
}
