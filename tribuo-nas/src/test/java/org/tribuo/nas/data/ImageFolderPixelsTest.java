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
import org.tribuo.classification.Label;
import org.tribuo.nas.data.ImageFolderDataSource.OnUnreadable;
import org.tribuo.nas.data.ImageFolderDataSource.Resize;
import org.tribuo.nas.data.ImageFolderDataSource.Split;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tribuo.nas.testutil.ImageFolderFixtures.set;
import static org.tribuo.nas.testutil.ImageFolderFixtures.solid;
import static org.tribuo.nas.testutil.ImageFolderFixtures.write;

/**
 * The pixel values an {@link ImageFolderDataSource} produces: each file format and colour mode,
 * channel conversion, and the two resize policies, on images small enough to work out by hand.
 */
public class ImageFolderPixelsTest {

    /** The pixels of the single image in class "a" (class "b" holds a filler image). */
    private static int[] pixelsOf(Path root, BufferedImage image, String format, ImageShape shape, Resize resize)
            throws IOException {
        write(image, format, root.resolve("a/image." + format));
        write(solid(2, 2, BufferedImage.TYPE_INT_RGB, 0xff000000), "png", root.resolve("b/filler.png"));
        ImageFolderDataSource source = new ImageFolderDataSource(root, Split.NONE, shape, resize, OnUnreadable.FAIL);
        Example<Label> first = source.iterator().next();
        assertEquals("a", first.getOutput().getLabel());
        CompactImageExample<Label> example = (CompactImageExample<Label>) first;
        return IntStream.range(0, shape.pixels()).map(example::pixel).toArray();
    }

    private static int[] repeat(int times, int... values) {
        return IntStream.range(0, times * values.length).map(i -> values[i / times]).toArray();
    }

    @Test
    public void greyPngIsReadAsStoredNotGammaConverted(@TempDir Path root) throws IOException {
        BufferedImage grey = solid(2, 2, BufferedImage.TYPE_BYTE_GRAY, 100);
        assertArrayEquals(repeat(4, 100), pixelsOf(root, grey, "png", new ImageShape(1, 2, 2), Resize.RESIZE));
    }

    @Test
    public void greyBecomesThreeEqualChannels(@TempDir Path root) throws IOException {
        BufferedImage grey = solid(2, 2, BufferedImage.TYPE_BYTE_GRAY, 77);
        assertArrayEquals(repeat(4, 77, 77, 77), pixelsOf(root, grey, "png", new ImageShape(3, 2, 2), Resize.RESIZE));
    }

    @Test
    public void sixteenBitGreyIsScaledToEightBits(@TempDir Path root) throws IOException {
        BufferedImage grey = solid(2, 2, BufferedImage.TYPE_USHORT_GRAY, 200);
        assertArrayEquals(repeat(4, 200), pixelsOf(root, grey, "png", new ImageShape(1, 2, 2), Resize.RESIZE));
    }

    @Test
    public void rgbIsChannelMajor(@TempDir Path root) throws IOException {
        BufferedImage rgb = solid(2, 2, BufferedImage.TYPE_INT_RGB, 0xffc86432);
        assertArrayEquals(repeat(4, 200, 100, 50), pixelsOf(root, rgb, "png", new ImageShape(3, 2, 2), Resize.RESIZE));
    }

    @Test
    public void colourToGreyIsBt601Luma(@TempDir Path root) throws IOException {
        BufferedImage rgb = solid(2, 2, BufferedImage.TYPE_INT_RGB, 0xffc86432);
        // 0.299 * 200 + 0.587 * 100 + 0.114 * 50 = 124.2
        assertArrayEquals(repeat(4, 124), pixelsOf(root, rgb, "png", new ImageShape(1, 2, 2), Resize.RESIZE));
    }

    @Test
    public void alphaIsIgnored(@TempDir Path root) throws IOException {
        BufferedImage argb = solid(2, 2, BufferedImage.TYPE_INT_ARGB, 0x800a141e);
        assertArrayEquals(repeat(4, 10, 20, 30), pixelsOf(root, argb, "png", new ImageShape(3, 2, 2), Resize.RESIZE));
    }

    @Test
    public void indexedGifAndBgrBmpAreRead(@TempDir Path gifRoot, @TempDir Path bmpRoot) throws IOException {
        // Pure red is in the default 6x6x6 palette of an indexed image, so the GIF keeps it exactly.
        // (8 rows: the JDK's GIF writer and reader lose a row of interlaced images only 3 rows high.)
        BufferedImage indexed = solid(8, 8, BufferedImage.TYPE_BYTE_INDEXED, 0xffff0000);
        assertArrayEquals(repeat(4, 255, 0, 0), pixelsOf(gifRoot, indexed, "gif", new ImageShape(3, 2, 2), Resize.RESIZE));
        BufferedImage bgr = solid(3, 3, BufferedImage.TYPE_3BYTE_BGR, 0xff0a141e);
        assertArrayEquals(repeat(4, 10, 20, 30), pixelsOf(bmpRoot, bgr, "bmp", new ImageShape(3, 2, 2), Resize.RESIZE));
    }

    @Test
    public void jpegIsReadWithinItsCompressionError(@TempDir Path root) throws IOException {
        BufferedImage rgb = solid(16, 16, BufferedImage.TYPE_INT_RGB, 0xffc86432);
        int[] pixels = pixelsOf(root, rgb, "jpeg", new ImageShape(3, 4, 4), Resize.RESIZE);
        int[] expected = repeat(16, 200, 100, 50);
        for (int i = 0; i < pixels.length; i++) {
            assertTrue(Math.abs(pixels[i] - expected[i]) <= 4, "value " + i + ": " + pixels[i] + " vs " + expected[i]);
        }
    }

    @Test
    public void enlargingIsBilinearWithHalfPixelCentres(@TempDir Path root) throws IOException {
        BufferedImage twoPixels = solid(2, 1, BufferedImage.TYPE_BYTE_GRAY, 0);
        set(twoPixels, 1, 0, 200);
        // Target centres 0.25, 0.75, 1.25, 1.75 in source pixels: 0, 0.25*200, 0.75*200, 200 (edges clamp).
        assertArrayEquals(new int[] {0, 50, 150, 200}, pixelsOf(root, twoPixels, "png", new ImageShape(1, 1, 4), Resize.RESIZE));
    }

    @Test
    public void shrinkingAveragesWithAWidenedTriangle(@TempDir Path root) throws IOException {
        BufferedImage step = solid(4, 1, BufferedImage.TYPE_BYTE_GRAY, 0);
        set(step, 2, 0, 200);
        set(step, 3, 0, 200);
        // Target pixel 0 (centre 1.0, support 2) weighs source pixels 0,1,2 by 0.75, 0.75, 0.25: 50/1.75.
        assertArrayEquals(new int[] {29, 171}, pixelsOf(root, step, "png", new ImageShape(1, 1, 2), Resize.RESIZE));
    }

    @Test
    public void centreCropKeepsTheMiddleWhereResizeSquashes(@TempDir Path cropRoot, @TempDir Path resizeRoot)
            throws IOException {
        // 6 wide, 4 high: red border columns 0 and 5, green inside. The shorter side already fits 4x4.
        BufferedImage wide = solid(6, 4, BufferedImage.TYPE_INT_RGB, 0xff00ff00);
        for (int y = 0; y < 4; y++) {
            set(wide, 0, y, 0xffff0000);
            set(wide, 5, y, 0xffff0000);
        }
        ImageShape square = new ImageShape(3, 4, 4);
        assertArrayEquals(repeat(16, 0, 255, 0), pixelsOf(cropRoot, wide, "png", square, Resize.CENTER_CROP));
        int[] squashed = pixelsOf(resizeRoot, wide, "png", square, Resize.RESIZE);
        assertTrue(squashed[0] > 100, "resizing keeps the red border in the first column, red = " + squashed[0]);
    }

    @Test
    public void centreCropScalesTheShorterSideFirst(@TempDir Path root) throws IOException {
        // 16x4 bands red | green | blue of 4, 8, 4 columns; to 2x2: scaled to 8x2, columns 3-4 kept,
        // which average source columns 5-10 only: green.
        BufferedImage bands = solid(16, 4, BufferedImage.TYPE_INT_RGB, 0xff00ff00);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                set(bands, x, y, 0xffff0000);
                set(bands, 12 + x, y, 0xff0000ff);
            }
        }
        assertArrayEquals(repeat(4, 0, 255, 0), pixelsOf(root, bands, "png", new ImageShape(3, 2, 2), Resize.CENTER_CROP));
    }

    @Test
    public void anySizeOfOneColourStaysThatColour(@TempDir Path root) throws IOException {
        BufferedImage odd = solid(7, 5, BufferedImage.TYPE_INT_RGB, 0xff123456);
        assertArrayEquals(repeat(9, 0x12, 0x34, 0x56), pixelsOf(root, odd, "png", new ImageShape(3, 3, 3), Resize.RESIZE));
    }
}
