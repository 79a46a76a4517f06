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

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.nas.data.ImageFolderDataSource.OnUnreadable;
import org.tribuo.nas.data.ImageFolderDataSource.Resize;
import org.tribuo.nas.data.ImageFolderDataSource.Split;
import org.tribuo.provenance.DataSourceProvenance;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tribuo.nas.testutil.ImageFolderFixtures.solid;
import static org.tribuo.nas.testutil.ImageFolderFixtures.write;

/**
 * Layout, order, provenance and configuration of {@link ImageFolderDataSource}; pixel values are
 * in {@link ImageFolderPixelsTest}, bad input in {@link ImageFolderBadInputTest}.
 */
public class ImageFolderDataSourceTest {

    private static final ImageShape GREY_4X4 = new ImageShape(1, 4, 4);

    /** Writes a grey PNG of one level. */
    static Path grey(Path file, int level) throws IOException {
        return write(solid(3, 3, BufferedImage.TYPE_BYTE_GRAY, level), "png", file);
    }

    static ImageFolderDataSource read(Path root, Split split, ImageShape shape) throws IOException {
        return new ImageFolderDataSource(root, split, shape, Resize.RESIZE, OnUnreadable.FAIL);
    }

    /** The first pixel and label of each example, in order. */
    private static List<String> firstPixels(ImageFolderDataSource source) {
        List<String> out = new ArrayList<>();
        for (Example<Label> e : source) {
            out.add(e.getOutput().getLabel() + ":" + ((CompactImageExample<Label>) e).pixel(0));
        }
        return out;
    }

    @Test
    public void classesAreFolderNamesAndFilesAreInSortedPathOrder(@TempDir Path root) throws IOException {
        grey(root.resolve("zebra/b.png"), 4);
        grey(root.resolve("zebra/a.png"), 3);
        grey(root.resolve("apple/9.png"), 2);
        grey(root.resolve("apple/10.png"), 1);
        grey(root.resolve("apple/nested/x.png"), 5);
        Files.write(root.resolve("apple/.DS_Store"), new byte[] {1, 2, 3});
        Files.write(root.resolve("README.txt"), "files beside the classes are ignored".getBytes());

        ImageFolderDataSource source = read(root, Split.NONE, GREY_4X4);
        assertEquals(List.of("apple", "zebra"), source.classes());
        assertEquals(Map.of("apple", 3, "zebra", 2), source.filesPerClass());
        // "10.png" < "9.png" < "nested/x.png" as strings: the order is the sorted relative path.
        assertEquals(List.of("apple:1", "apple:2", "apple:5", "zebra:3", "zebra:4"), firstPixels(source));
        assertEquals(5, source.size());
    }

    @Test
    public void splitLayoutReadsOneSplitAndItsClasses(@TempDir Path root) throws IOException {
        for (String split : List.of("train", "test", "validation")) {
            grey(root.resolve(split + "/cat/1.png"), 10);
            grey(root.resolve(split + "/dog/1.png"), 20);
        }
        grey(root.resolve("train/dog/2.png"), 30);
        assertEquals(3, read(root, Split.TRAIN, GREY_4X4).size());
        ImageFolderDataSource test = read(root, Split.TEST, GREY_4X4);
        assertEquals(List.of("cat:10", "dog:20"), firstPixels(test));
        assertEquals(2, read(root, Split.VALIDATION, GREY_4X4).size());
    }

    @Test
    public void sameFolderGivesSameExamplesAndDigestWhereverItIs(@TempDir Path dir) throws IOException {
        Path root = dir.resolve("a");
        grey(root.resolve("x/1.png"), 7);
        grey(root.resolve("y/1.png"), 8);
        ImageFolderDataSource first = read(root, Split.NONE, GREY_4X4);
        ImageFolderDataSource again = read(root, Split.NONE, GREY_4X4);
        assertEquals(first.contentDigest(), again.contentDigest());
        assertEquals(64, first.contentDigest().length());
        Files.setLastModifiedTime(root.resolve("x/1.png"), FileTime.fromMillis(0));
        Path moved = dir.resolve("b");
        grey(moved.resolve("x/1.png"), 7);
        grey(moved.resolve("y/1.png"), 8);
        assertEquals(first.contentDigest(), read(root, Split.NONE, GREY_4X4).contentDigest(), "touching changes nothing");
        assertEquals(first.contentDigest(), read(moved, Split.NONE, GREY_4X4).contentDigest(), "nor does the location");
        java.util.Iterator<Example<Label>> others = again.iterator();
        for (Example<Label> e : first) {
            CompactImageExample<Label> a = (CompactImageExample<Label>) e;
            CompactImageExample<Label> b = (CompactImageExample<Label>) others.next();
            assertEquals(a.getOutput(), b.getOutput());
            for (int p = 0; p < a.size(); p++) {
                assertEquals(a.pixel(p), b.pixel(p));
            }
        }
    }

    @Test
    public void digestChangesWhenAFileIsEditedAddedOrRenamed(@TempDir Path root) throws IOException {
        grey(root.resolve("x/1.png"), 7);
        grey(root.resolve("y/1.png"), 8);
        String original = read(root, Split.NONE, GREY_4X4).contentDigest();
        grey(root.resolve("y/1.png"), 9);
        String edited = read(root, Split.NONE, GREY_4X4).contentDigest();
        assertNotEquals(original, edited);
        grey(root.resolve("y/2.png"), 9);
        String added = read(root, Split.NONE, GREY_4X4).contentDigest();
        assertNotEquals(edited, added);
        Files.move(root.resolve("y/2.png"), root.resolve("y/3.png"));
        assertNotEquals(added, read(root, Split.NONE, GREY_4X4).contentDigest());
    }

    @Test
    public void provenanceRecordsTheFolderAndSurvivesMarshalling(@TempDir Path root) throws IOException {
        grey(root.resolve("cat/1.png"), 1);
        grey(root.resolve("cat/2.png"), 2);
        grey(root.resolve("dog/1.png"), 3);
        ImageFolderDataSource source = read(root, Split.NONE, GREY_4X4);
        DataSourceProvenance provenance = source.getProvenance();
        assertTrue(provenance instanceof ImageFolderDataSourceProvenance);
        Map<String, PrimitiveProvenance<?>> values = ((ImageFolderDataSourceProvenance) provenance).getInstanceValues();
        assertEquals("cat,dog", values.get(ImageFolderDataSourceProvenance.CLASSES).getValue());
        assertEquals("cat=2,dog=1", values.get(ImageFolderDataSourceProvenance.FILES_PER_CLASS).getValue());
        assertEquals(0, values.get(ImageFolderDataSourceProvenance.SKIPPED_FILES).getValue());
        assertEquals(source.contentDigest(), values.get(ImageFolderDataSourceProvenance.CONTENT_DIGEST).getValue());
        assertEquals(root.toString(), ((ImageFolderDataSourceProvenance) provenance).getConfiguredParameters()
                .get("root").toString());
        assertEquals(provenance, ProvenanceUtil.unmarshalProvenance(ProvenanceUtil.marshalProvenance(provenance)));
    }

    @Test
    public void configurationBuildsIt(@TempDir Path dir) throws IOException {
        Path root = dir.resolve("images");
        write(solid(5, 3, BufferedImage.TYPE_INT_RGB, 0xff102030), "png", root.resolve("train/a/1.png"));
        write(solid(5, 3, BufferedImage.TYPE_INT_RGB, 0xff405060), "png", root.resolve("train/b/1.png"));
        Path config = dir.resolve("config.xml");
        Files.writeString(config, """
                <config>
                    <component name="source" type="org.tribuo.nas.data.ImageFolderDataSource">
                        <property name="root" value="%s"/>
                        <property name="split" value="TRAIN"/>
                        <property name="channels" value="3"/>
                        <property name="height" value="2"/>
                        <property name="width" value="2"/>
                        <property name="resize" value="CENTER_CROP"/>
                        <property name="onUnreadable" value="SKIP"/>
                    </component>
                </config>
                """.formatted(root));
        ConfigurationManager cm = new ConfigurationManager(config.toString());
        ImageFolderDataSource source = (ImageFolderDataSource) cm.lookup("source");
        assertEquals(new ImageShape(3, 2, 2), source.shape());
        assertEquals(List.of("a", "b"), source.classes());
        CompactImageExample<Label> first = (CompactImageExample<Label>) source.iterator().next();
        assertArrayEquals(new int[] {0x10, 0x10, 0x10, 0x10, 0x20, 0x20, 0x20, 0x20, 0x30, 0x30, 0x30, 0x30},
                java.util.stream.IntStream.range(0, 12).map(first::pixel).toArray());
    }

    @Test
    public void idxImagesAsGreyPngsGiveTheIdxTensors(@TempDir Path root) throws IOException {
        int n = 60;
        MutableDataset<Label> idx = Fixtures.load("t10k");
        ImageTensorizer tensorizer = new ImageTensorizer(Fixtures.MNIST_SHAPE);
        for (int i = 0; i < n; i++) {
            float[] pixels = tensorizer.tensorize(idx.getExample(i));
            BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            for (int p = 0; p < pixels.length; p++) {
                image.getRaster().setSample(p % 28, p / 28, 0, (int) pixels[p]);
            }
            String label = idx.getExample(i).getOutput().getLabel();
            write(image, "png", root.resolve(label + "/" + String.format("%03d", i) + ".png"));
        }
        MutableDataset<Label> folder = new MutableDataset<>(read(root, Split.NONE, Fixtures.MNIST_SHAPE));
        // Folders "0".."9" in order, files by zero-padded IDX index: IDX order sorted by label.
        List<Integer> expectedOrder = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            expectedOrder.add(i);
        }
        expectedOrder.sort(java.util.Comparator.comparing(i -> idx.getExample(i).getOutput().getLabel()));
        ImageData fromFolder = tensorizer.tensorize(folder, folder.getOutputIDInfo());
        for (int k = 0; k < n; k++) {
            Example<Label> original = idx.getExample(expectedOrder.get(k));
            assertEquals(original.getOutput(), folder.getExample(k).getOutput());
            assertArrayEquals(tensorizer.tensorize(original),
                    java.util.Arrays.copyOfRange(fromFolder.pixels(), k * 784, (k + 1) * 784), "image " + k);
        }
    }
}
