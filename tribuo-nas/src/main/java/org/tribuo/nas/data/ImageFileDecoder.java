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

import javax.imageio.ImageReader;
import javax.imageio.ImageIO;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Decodes one image file's bytes with the JDK's {@code javax.imageio} (PNG, JPEG, BMP, GIF and
 * WBMP out of the box; other formats when a reader plug-in is on the classpath). The first frame
 * of an animated GIF is read.
 * <p>
 * A decoder warning is an error: JPEG and GIF readers return a partly grey image with only a
 * warning when a file is truncated, and training on it silently would be worse than stopping.
 * The stream is cached in memory, not in a temporary file (ImageIO's global default).
 */
final class ImageFileDecoder {

    private ImageFileDecoder() {}

    /**
     * Decodes an image.
     * @param bytes The file's content.
     * @return The first image in it.
     * @throws IOException with a short reason when the bytes are not an image of a known format,
     *                     are truncated or damaged.
     */
    static BufferedImage decode(byte[] bytes) throws IOException {
        if (bytes.length == 0) {
            throw new IOException("empty file (0 bytes), not an image");
        }
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("not an image (no javax.imageio reader knows its format; PNG, JPEG, BMP and GIF are read)");
            }
            ImageReader reader = readers.next();
            List<String> warnings = new ArrayList<>();
            IIOReadWarningListener listener = (source, warning) -> warnings.add(warning);
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener(listener);
                BufferedImage image = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw new IOException("damaged or truncated " + formatOf(reader) + ": " + warnings.get(0));
                }
                return image;
            } catch (IOException e) {
                throw e.getMessage() != null && e.getMessage().startsWith("damaged or truncated") ? e
                        : new IOException("damaged or truncated " + formatOf(reader) + ": " + reasonOf(e), e);
            } catch (RuntimeException e) {
                // Some JDK readers fail on bad data with unchecked exceptions (e.g. an index out of bounds).
                throw new IOException("damaged or truncated " + formatOf(reader) + ": " + reasonOf(e), e);
            } finally {
                reader.dispose();
            }
        }
    }

    private static String formatOf(ImageReader reader) {
        try {
            return reader.getFormatName().toUpperCase(Locale.ROOT);
        } catch (IOException e) {
            return "image";
        }
    }

    /** The innermost message, which names the actual problem (e.g. an end of file). */
    private static String reasonOf(Throwable e) {
        String reason = e.getClass().getSimpleName();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                reason = t.getMessage();
            }
        }
        return reason.replace('\n', ' ');
    }
}
