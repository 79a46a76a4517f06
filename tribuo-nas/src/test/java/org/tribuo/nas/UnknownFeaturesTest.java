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
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;
import org.tribuo.nas.testutil.FashionFixture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Features outside the model's domain at prediction time follow Tribuo's convention: ignored
 * and counted (not in {@link Prediction#getNumActiveFeatures()}); an example with no known
 * feature is refused.
 */
public class UnknownFeaturesTest {

    @Test
    public void unknownFeaturesAreIgnoredAndAnExampleWithoutKnownFeaturesIsRefused() {
        MutableDataset<Label> train = FashionFixture.datasetHead("train", 96);
        Example<Label> example = FashionFixture.datasetHead("t10k", 1).getExample(0);
        try (GaeaModel model = TinyTrainers.tiny(4).build().train(train)) {
            String unseenPixel = null;
            for (int p = 0; p < 784 && unseenPixel == null; p++) {
                String name = String.format("%03d", p);
                if (model.getFeatureIDMap().get(name) == null && example.lookup(name) == null) {
                    unseenPixel = name;
                }
            }
            assertTrue(unseenPixel != null, "some pixel is zero in every training image of the fixture head");
            ArrayExample<Label> noisy = new ArrayExample<>(example.getOutput());
            for (Feature f : example) {
                noisy.add(f.getName(), f.getValue());
            }
            noisy.add("99999", 5.0);
            noisy.add("not-a-pixel", 3.0);
            noisy.add(unseenPixel, 255.0);
            Prediction<Label> clean = model.predict(example);
            Prediction<Label> withUnknown = model.predict(noisy);
            assertEquals(clean.getNumActiveFeatures(), withUnknown.getNumActiveFeatures());
            assertEquals(example.size(), clean.getNumActiveFeatures());
            for (String label : clean.getOutputScores().keySet()) {
                assertEquals(clean.getOutputScores().get(label).getScore(), withUnknown.getOutputScores().get(label).getScore(),
                        0.0, label);
            }
            ArrayExample<Label> unknownOnly = new ArrayExample<>(example.getOutput());
            unknownOnly.add("not-a-pixel", 1.0);
            assertNull(model.getFeatureIDMap().get("not-a-pixel"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.predict(unknownOnly));
            assertTrue(e.getMessage().contains("no feature in common"), e.getMessage());
        }
    }
}
