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
package org.tribuo.nas.testutil;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Image files written at test time for the image-folder tests: solid colours, stripes and noise
 * in the JDK's formats (PNG, JPEG, BMP, GIF) and colour modes.
 */
public final class ImageFolderFixtures {

    private ImageFolderFixtures() {}

    /**
     * An image of one colour.
     * @param width The width.
     * @param height The height.
     * @param type A {@link BufferedImage} type, e.g. {@link BufferedImage#TYPE_INT_RGB}.
     * @param argb The colour as 0xAARRGGBB (for grey types, the grey level is taken from the blue byte).
     * @return The image.
     */
    public static BufferedImage solid(int width, int height, int type, int argb) {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                set(image, x, y, argb);
            }
        }
        return image;
    }

    /**
     * Sets one pixel; grey images get their sample written directly (no colour conversion).
     * @param image The image.
     * @param x The column.
     * @param y The row.
     * @param argb The colour, or for grey images the level in the low byte.
     */
    public static void set(BufferedImage image, int x, int y, int argb) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            image.getRaster().setSample(x, y, 0, argb & 0xff);
        } else if (image.getType() == BufferedImage.TYPE_USHORT_GRAY) {
            image.getRaster().setSample(x, y, 0, (argb & 0xff) * 257);
        } else {
            image.setRGB(x, y, argb);
        }
    }

    /**
     * Random noise around a class-specific brightness, so that a tiny network can tell classes apart.
     * @param width The width.
     * @param height The height.
     * @param type The image type (RGB or grey).
     * @param level The mean brightness.
     * @param rng The random source.
     * @return The image.
     */
    public static BufferedImage noisy(int width, int height, int type, int level, Random rng) {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int v = Math.max(0, Math.min(255, level + rng.nextInt(61) - 30));
                set(image, x, y, 0xff000000 | v << 16 | v << 8 | v);
            }
        }
        return image;
    }

    /**
     * Writes an image, creating the parent folders.
     * @param image The image.
     * @param format An ImageIO format name: png, jpeg, bmp or gif.
     * @param file The file.
     * @return The file.
     * @throws IOException If it cannot be written or ImageIO has no writer for this image and format.
     */
    public static Path write(BufferedImage image, String format, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("ImageIO cannot write a type-" + image.getType() + " image as " + format);
        }
        return file;
    }

    /**
     * Cuts a file to its first bytes, as an interrupted copy leaves it.
     * @param file The file.
     * @param keep The number of bytes to keep.
     * @throws IOException If the file cannot be rewritten.
     */
    public static void truncate(Path file, int keep) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, Math.min(keep, bytes.length)));
    }
}
