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
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;
import org.tribuo.nas.data.ImageFolderDataSource.OnUnreadable;
import org.tribuo.nas.data.ImageFolderDataSource.Resize;
import org.tribuo.nas.data.ImageFolderDataSource.Split;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tribuo.nas.testutil.ImageFolderFixtures.noisy;
import static org.tribuo.nas.testutil.ImageFolderFixtures.write;

/**
 * {@link CompactImageExample}: one byte per value, the names IDXDataSource gives pixels, and the
 * same tensors through the tensorizer's direct path as through its feature-by-feature path.
 */
public class CompactImageExampleTest {

    private static CompactImageExample<Label> random(int pixels, long seed) {
        byte[] bytes = new byte[pixels];
        new Random(seed).nextBytes(bytes);
        return new CompactImageExample<>(new Label("x"), bytes);
    }

    @Test
    public void featuresAreNamedAsIdxNamesPixelsInSortedOrder() {
        CompactImageExample<Label> example = random(3 * 32 * 32, 1);
        List<String> names = new ArrayList<>();
        for (Feature f : example) {
            names.add(f.getName());
        }
        assertEquals(3072, names.size());
        assertEquals("0000", names.get(0));
        assertEquals("3071", names.get(3071));
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        assertEquals(sorted, names, "Tribuo examples are sorted by feature name");
        assertEquals(String.format("%04d", 1234), names.get(1234));
        assertEquals(List.of("000", "783"), List.of(random(784, 1).iterator().next().getName(),
                random(784, 1).lookup("783").getName()));
        assertNull(example.lookup("3072"));
        assertNull(example.lookup("12"), "not padded: not a name of this image");
    }

    @Test
    public void holdsOneBytePerValueAndSharesItsNames() {
        List<String> fields = new ArrayList<>();
        for (Field f : CompactImageExample.class.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                fields.add(f.getType().getSimpleName() + " " + f.getName());
            }
        }
        fields.sort(null);
        assertEquals(List.of("PixelNames names", "byte[] pixels"), fields);
        assertSame(PixelNames.of(3072), PixelNames.of(3072));
        CompactImageExample<Label> copy = random(3072, 2).copy();
        assertEquals(3072, copy.size());
    }

    @Test
    public void tensorizerGivesTheSameValuesDirectlyAsThroughFeatures() {
        ImageShape shape = new ImageShape(3, 4, 5);
        ImageTensorizer tensorizer = new ImageTensorizer(shape);
        CompactImageExample<Label> compact = random(shape.pixels(), 3);
        float[] direct = tensorizer.tensorize(compact);
        float[] viaFeatures = tensorizer.tensorize(new ArrayExample<>(compact));
        assertArrayEquals(viaFeatures, direct);
        for (int i = 0; i < shape.pixels(); i++) {
            assertEquals(compact.pixel(i), direct[i]);
        }
    }

    @Test
    public void editingIsLimitedToBytes() {
        CompactImageExample<Label> example = random(16, 4);
        example.set(new Feature("03", 7));
        assertEquals(7, example.pixel(3));
        assertThrows(IllegalArgumentException.class, () -> example.set(new Feature("03", 0.5)));
        assertThrows(IllegalArgumentException.class, () -> example.set(new Feature("16", 1)));
        assertThrows(UnsupportedOperationException.class, () -> example.add(new Feature("99", 1)));
        ArrayExample<Label> editable = new ArrayExample<>(example);
        editable.add(new Feature("99", 1));
        assertEquals(17, editable.size());
        assertEquals(example.getOutput(), Example.deserialize(example.serialize()).getOutput());
    }

    @Test
    public void aDatasetOfThemIsDenseAndResolvesItsShapeFromTheSource(@TempDir Path root) throws IOException {
        Random rng = new Random(5);
        write(noisy(9, 7, BufferedImage.TYPE_INT_RGB, 60, rng), "png", root.resolve("a/1.png"));
        write(noisy(5, 5, BufferedImage.TYPE_BYTE_GRAY, 180, rng), "png", root.resolve("b/1.png"));
        ImageShape shape = new ImageShape(3, 4, 6);
        MutableDataset<Label> data = new MutableDataset<>(
                new ImageFolderDataSource(root, Split.NONE, shape, Resize.RESIZE, OnUnreadable.FAIL));
        assertTrue(data.isDense());
        assertEquals(shape.pixels(), data.getFeatureMap().size());
        // Not a square: only the source's recorded shape can say 3x4x6.
        assertEquals(shape, ImageShapeResolver.resolve(Optional.empty(), data));
        MutableDataset<Label> unknownSource = new MutableDataset<>(new SimpleDataSourceProvenance("copy",
                data.getOutputFactory()), data.getOutputFactory());
        data.forEach(unknownSource::add);
        assertThrows(IllegalArgumentException.class, () -> ImageShapeResolver.resolve(Optional.empty(), unknownSource));
    }
}
