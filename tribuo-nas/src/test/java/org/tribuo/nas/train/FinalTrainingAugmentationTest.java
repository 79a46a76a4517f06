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

package org.tribuo.nas.train;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.BooleanProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.nas.GaeaTrainer;
import org.tribuo.nas.data.ImageData;
import org.tribuo.nas.data.ImageShape;
import org.tribuo.nas.data.Normalization;
import org.tribuo.nas.nb201.Nb201SearchSpace;
import org.tribuo.nas.space.SearchSpace;
import org.tribuo.nas.tabular.TabularSearchSpace;
import org.tribuo.nas.util.InvalidSettingException;
import org.tribuo.nas.loop.TrainingProgress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random crop and horizontal flip in the final training: seeded (one seed, one model), off by
 * default, refused where they cannot apply, and in the part's provenance.
 */
class FinalTrainingAugmentationTest {
    private static final ImageShape SHAPE = new ImageShape(3, 8, 8);
    private static final String GENOTYPE = "|nor_conv_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|avg_pool_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|";

    /** 64 noisy images whose class sets a stripe of columns, so a flip or shift changes what is seen. */
    private static ImageData data() {
        SplittableRandom r = new SplittableRandom(3);
        float[] px = new float[64 * SHAPE.pixels()];
        int[] labels = new int[64];
        for (int i = 0; i < 64; i++) {
            labels[i] = i % 4;
            for (int p = 0; p < SHAPE.pixels(); p++) {
                px[i * SHAPE.pixels() + p] = (float) (r.nextDouble() + (p % 4 == labels[i] ? 1 : 0));
            }
        }
        return new ImageData(SHAPE, px, labels);
    }

    private static byte[] train(FinalTraining finalTraining, long seed) {
        SearchSpace space = Nb201SearchSpace.builder().searchNetwork(16, 1).finalNetwork(16, 1).build();
        ImageData data = data();
        try (TrainedNetwork net = new NetworkTrainer(finalTraining.config(space, seed, "cpu")).train(space,
                space.parseGenotype(GENOTYPE), data, 4, Normalization.fit(data), TrainingProgress.NONE)) {
            return net.parameterBytes();
        }
    }

    private static FinalTraining augmented() {
        return FinalTraining.builder().epochs(1).batchSize(16).randomCropPadding(2).horizontalFlip(true).build();
    }

    @Test
    void oneSeedGivesOneModel() {
        byte[] first = train(augmented(), 77L);
        assertArrayEquals(first, train(augmented(), 77L), "same seed, same weights");
        assertFalse(Arrays.equals(first, train(augmented(), 78L)), "another seed, other weights");
        assertFalse(Arrays.equals(first, train(FinalTraining.builder().epochs(1).batchSize(16).build(), 77L)),
                "the augmentation changes what the network learns");
    }

    @Test
    void offByDefault() {
        FinalTraining reference = new FinalTraining();
        assertEquals(0, reference.randomCropPadding());
        assertFalse(reference.horizontalFlip());
        assertFalse(reference.augmentsImages());
        FinalTrainingConfig config = reference.config(Nb201SearchSpace.builder().build(), 1L, "cpu");
        assertEquals(0, config.training().randomCropPadding());
        assertFalse(config.training().horizontalFlip());
        assertFalse(config.augments(), "the reference NAS-Bench-201 final training draws no augmentation");
    }

    @Test
    void badSettingsAreRefusedNamingThem(@TempDir Path dir) throws Exception {
        InvalidSettingException negative = assertThrows(InvalidSettingException.class,
                () -> FinalTraining.builder().randomCropPadding(-1).build());
        assertEquals("randomCropPadding", negative.setting());
        assertEquals("randomCropPadding must be non-negative and finite, got -1", negative.getMessage());

        InvalidSettingException tooBig = assertThrows(InvalidSettingException.class,
                () -> FinalTraining.builder().randomCropPadding(8).build().checkFits(SHAPE));
        assertEquals("randomCropPadding 8 must be smaller than the training images' height and width (8x8)", tooBig.getMessage());
        FinalTraining.builder().randomCropPadding(7).build().checkFits(SHAPE);

        SearchSpace space = Nb201SearchSpace.builder().searchNetwork(16, 1).finalNetwork(16, 1).build();
        IllegalArgumentException inTrainer = assertThrows(IllegalArgumentException.class, () -> new NetworkTrainer(
                FinalTraining.builder().batchSize(16).randomCropPadding(9).build().config(space, 1L, "cpu")).train(space,
                space.parseGenotype(GENOTYPE), data(), 4, Normalization.fit(data()), TrainingProgress.NONE));
        assertTrue(inTrainer.getMessage().contains("padding 9 must be smaller than the image's height and width (8x8)"),
                inTrainer.getMessage());

        TabularSearchSpace tabular = TabularSearchSpace.builder().build();
        IllegalArgumentException notImages = assertThrows(IllegalArgumentException.class, () -> new NetworkTrainer(
                FinalTraining.builder().horizontalFlip(true).build().config(tabular, 1L, "cpu")).train(tabular,
                tabular.parseGenotype("|dense~0|+|dense~0|dense~1|+|dense~0|dense~1|dense~2|"),
                new ImageData(new ImageShape(8, 1, 1), new float[8 * 96], new int[96]), 2, null, TrainingProgress.NONE));
        assertTrue(notImages.getMessage().contains("apply to images only"), notImages.getMessage());
        InvalidSettingException tabularTrainer = assertThrows(InvalidSettingException.class, () -> GaeaTrainer.builder()
                .space(tabular).finalTraining(FinalTraining.builder().randomCropPadding(4).build()).build());
        assertEquals("finalTraining", tabularTrainer.setting());
        assertTrue(tabularTrainer.getMessage().contains("random crop or horizontal flip, which apply to images only; the tabular"),
                tabularTrainer.getMessage());

        Path file = dir.resolve("final.xml");
        Files.writeString(file, "<?xml version=\"1.0\"?>\n<config>\n"
                + "  <component name=\"final\" type=\"org.tribuo.nas.train.FinalTraining\">\n"
                + "    <property name=\"randomCropPadding\" value=\"-4\"/>\n"
                + "  </component>\n</config>\n");
        PropertyException pe = assertThrows(PropertyException.class, () -> new ConfigurationManager(file.toString()).lookup("final"));
        assertTrue(pe.getMessage().contains("FinalTraining") && pe.getMessage().contains("randomCropPadding must be non-negative"),
                pe.getMessage());
    }

    @Test
    void theSettingsAreInTheProvenance(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("final.xml");
        Files.writeString(file, "<?xml version=\"1.0\"?>\n<config>\n"
                + "  <component name=\"final\" type=\"org.tribuo.nas.train.FinalTraining\">\n"
                + "    <property name=\"randomCropPadding\" value=\"4\"/>\n"
                + "    <property name=\"horizontalFlip\" value=\"true\"/>\n"
                + "  </component>\n</config>\n");
        FinalTraining configured = (FinalTraining) new ConfigurationManager(file.toString()).lookup("final");
        assertEquals(4, configured.randomCropPadding());
        assertTrue(configured.horizontalFlip());
        Map<String, Provenance> on = configured.getProvenance().getConfiguredParameters();
        assertEquals(new IntProvenance("randomCropPadding", 4), on.get("randomCropPadding"));
        assertEquals(new BooleanProvenance("horizontalFlip", true), on.get("horizontalFlip"));
        Map<String, Provenance> off = new FinalTraining().getProvenance().getConfiguredParameters();
        assertEquals(new IntProvenance("randomCropPadding", 0), off.get("randomCropPadding"));
        assertEquals(new BooleanProvenance("horizontalFlip", false), off.get("horizontalFlip"));
        assertTrue(configured.toString().contains("crop pad 4, flip"), configured.toString());
    }
}
