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

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * Turns a decoded image into the bytes of a {@link CompactImageExample}: the configured channels
 * at the configured size, channel-major.
 * <ul>
 *   <li>Channels: a grey image's samples are read as stored (scaled to 8 bits), not through
 *       {@code getRGB}, which would brighten them as if they were linear grey; colour images are
 *       read as sRGB. Three channels from grey repeat the grey; one channel from colour is the
 *       ITU-R BT.601 luma {@code 0.299 R + 0.587 G + 0.114 B} (as PIL's {@code convert("L")}).
 *       Alpha is ignored.</li>
 *   <li>Size: {@link ImageFolderDataSource.Resize#RESIZE} scales width and height to the target independently;
 *       {@link ImageFolderDataSource.Resize#CENTER_CROP} scales both by the factor that makes the image cover the target
 *       (its shorter side fits) and keeps the centre. Scaling is separable bilinear interpolation
 *       with pixel centres at half-integers, widened to a triangle filter over the pixels a
 *       target pixel covers when shrinking (as PIL's {@code BILINEAR} resize), so
 *       shrinking averages rather than skips pixels. An unchanged dimension is copied exactly.</li>
 * </ul>
 */
final class ImageResampler {

    private ImageResampler() {}

    /**
     * The image's pixels in the target shape.
     * @param image The decoded image.
     * @param shape The target channels (1 or 3), height and width.
     * @param policy How to change the size.
     * @return {@code shape.pixels()} unsigned bytes, channel-major.
     */
    static byte[] pixels(BufferedImage image, ImageShape shape, ImageFolderDataSource.Resize policy) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[][] planes = planes(image, shape.channels());
        int scaledW = shape.width();
        int scaledH = shape.height();
        if (policy == ImageFolderDataSource.Resize.CENTER_CROP) {
            double scale = Math.max((double) shape.width() / w, (double) shape.height() / h);
            scaledW = Math.max(shape.width(), (int) Math.round(w * scale));
            scaledH = Math.max(shape.height(), (int) Math.round(h * scale));
        }
        int left = (scaledW - shape.width()) / 2;
        int top = (scaledH - shape.height()) / 2;
        byte[] out = new byte[shape.pixels()];
        for (int c = 0; c < planes.length; c++) {
            float[] rows = resizeAlong(planes[c], w, h, scaledW, true);
            float[] scaled = resizeAlong(rows, scaledW, h, scaledH, false);
            int base = c * shape.planeSize();
            for (int y = 0; y < shape.height(); y++) {
                for (int x = 0; x < shape.width(); x++) {
                    float v = scaled[(y + top) * scaledW + x + left];
                    out[base + y * shape.width() + x] = (byte) Math.max(0, Math.min(255, Math.round(v)));
                }
            }
        }
        return out;
    }

    /** The image as {@code channels} planes of h*w values in [0, 255]. */
    private static float[][] planes(BufferedImage image, int channels) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[][] planes = new float[channels][w * h];
        if (image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            Raster raster = image.getRaster();
            int[] samples = raster.getSamples(0, 0, w, h, 0, (int[]) null);
            double max = (1L << image.getColorModel().getComponentSize(0)) - 1;
            for (int i = 0; i < samples.length; i++) {
                float grey = (float) (samples[i] * 255.0 / max);
                for (float[] plane : planes) {
                    plane[i] = grey;
                }
            }
            return planes;
        }
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < argb.length; i++) {
            int r = (argb[i] >> 16) & 0xff;
            int g = (argb[i] >> 8) & 0xff;
            int b = argb[i] & 0xff;
            if (channels == 1) {
                planes[0][i] = 0.299f * r + 0.587f * g + 0.114f * b;
            } else {
                planes[0][i] = r;
                planes[1][i] = g;
                planes[2][i] = b;
            }
        }
        return planes;
    }

    /**
     * Resizes a w×h plane along one axis.
     * @param in The plane, row-major.
     * @param w Its width.
     * @param h Its height.
     * @param size The new width (horizontal) or height (vertical).
     * @param horizontal Whether to resize the width or the height.
     * @return The resized plane.
     */
    private static float[] resizeAlong(float[] in, int w, int h, int size, boolean horizontal) {
        int length = horizontal ? w : h;
        if (length == size) {
            return in;
        }
        int outW = horizontal ? size : w;
        int outH = horizontal ? h : size;
        float[] out = new float[outW * outH];
        double scale = (double) length / size;
        double support = Math.max(scale, 1.0);
        for (int i = 0; i < size; i++) {
            double centre = (i + 0.5) * scale;
            int from = Math.max(0, (int) Math.floor(centre - support));
            int to = Math.min(length, (int) Math.ceil(centre + support));
            double[] weights = new double[to - from];
            double total = 0;
            for (int j = from; j < to; j++) {
                double weight = Math.max(0.0, 1.0 - Math.abs((j + 0.5 - centre) / support));
                weights[j - from] = weight;
                total += weight;
            }
            int lines = horizontal ? h : w;
            for (int line = 0; line < lines; line++) {
                double sum = 0;
                for (int j = from; j < to; j++) {
                    sum += weights[j - from] * (horizontal ? in[line * w + j] : in[j * w + line]);
                }
                out[horizontal ? line * outW + i : i * outW + line] = (float) (sum / total);
            }
        }
        return out;
    }
}
