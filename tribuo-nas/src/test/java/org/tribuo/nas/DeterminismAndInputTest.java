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
package org.tribuo.nas;

import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.nas.testutil.FashionFixture;
import org.tribuo.nas.util.InvalidSettingException;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Determinism on the CPU and clear errors for bad training data.
 */
public class DeterminismAndInputTest {

    private static MutableDataset<Label> empty() {
        LabelFactory f = new LabelFactory();
        return new MutableDataset<>(new SimpleDataSourceProvenance("hand-made", f), f);
    }

    @Test
    public void oneSeedGivesOneModelAndAnotherSeedAnother() {
        MutableDataset<Label> train = FashionFixture.datasetHead("train", 96);
        MutableDataset<Label> test = FashionFixture.datasetHead("t10k", 32);
        try (GaeaModel a = TinyTrainers.tiny(21).build().train(train);
             GaeaModel b = TinyTrainers.tiny(21).build().train(train);
             GaeaModel c = TinyTrainers.tiny(22).build().train(train)) {
            assertEquals(a.genotype(), b.genotype());
            assertEquals(a.searchHistoryJson().replaceAll("\"seconds\" : [0-9.E-]+", ""),
                    b.searchHistoryJson().replaceAll("\"seconds\" : [0-9.E-]+", ""), "α history, loss and accuracy");
            assertEquals(a.serialize().getSerializedData().unpack(org.tribuo.nas.protos.GaeaModelProto.class).getParameters(),
                    b.serialize().getSerializedData().unpack(org.tribuo.nas.protos.GaeaModelProto.class).getParameters(),
                    "weights");
            List<Prediction<Label>> pa = a.predict(test);
            List<Prediction<Label>> pb = b.predict(test);
            List<Prediction<Label>> pc = c.predict(test);
            boolean anyDifferent = false;
            for (int i = 0; i < pa.size(); i++) {
                for (String label : pa.get(i).getOutputScores().keySet()) {
                    double sa = pa.get(i).getOutputScores().get(label).getScore();
                    assertEquals(sa, pb.get(i).getOutputScores().get(label).getScore());
                    anyDifferent |= sa != pc.get(i).getOutputScores().get(label).getScore();
                }
            }
            assertTrue(anyDifferent, "another seed gives other predictions");
            assertNotEquals(a.alpha()[0][0], c.alpha()[0][0]);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    public void aTrainerWithoutASpaceIsRefusedNamingIt() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> GaeaTrainer.builder().seed(1).build());
        assertEquals("space", e.setting());
    }

    @Test
    public void emptyDatasetIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TinyTrainers.tiny(1).build().train(empty()));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    public void singleClassIsRejected() {
        MutableDataset<Label> data = empty();
        for (int i = 0; i < 40; i++) {
            ArrayExample<Label> e = new ArrayExample<>(new Label("shirt"));
            e.add(String.format("%03d", i), 10.0);
            data.add(e);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TinyTrainers.tiny(1).build().train(data));
        assertTrue(e.getMessage().contains("two classes") && e.getMessage().contains("shirt"), e.getMessage());
    }

    @Test
    public void pixelsOutsideTheDeclaredShapeAreNamed() {
        MutableDataset<Label> data = FashionFixture.datasetHead("train", 40);
        GaeaTrainer smaller = TinyTrainers.tiny(1).input(new org.tribuo.nas.data.ImageInput(new org.tribuo.nas.data.ImageShape(1, 20, 20))).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> smaller.train(data));
        // the IDX file says 28x28: refused before any pixel is placed, naming both shapes
        assertTrue(e.getMessage().contains("1x20x20") && e.getMessage().contains("1x28x28"), e.getMessage());
    }

    @Test
    public void predictionRejectsExamplesWithNoKnownFeature() {
        MutableDataset<Label> train = FashionFixture.datasetHead("train", 64);
        try (GaeaModel model = TinyTrainers.tiny(2).build().train(train)) {
            ArrayExample<Label> stranger = new ArrayExample<>(LabelFactory.UNKNOWN_LABEL);
            stranger.add("colour", 1.0);
            Example<Label> e = stranger;
            assertThrows(IllegalArgumentException.class, () -> model.predict(e));
            // Tribuo's datasets refuse NaN features; a bare example at prediction time gets our check
            ArrayExample<Label> nan = new ArrayExample<>(LabelFactory.UNKNOWN_LABEL);
            nan.add("123", Double.NaN);
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> model.predict(nan));
            assertTrue(error.getMessage().contains("'123'") && error.getMessage().contains("NaN"), error.getMessage());
        }
    }
}
