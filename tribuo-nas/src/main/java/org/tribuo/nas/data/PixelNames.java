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

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The feature names of an image's pixels, shared by every example of one shape: the flat
 * channel-major index zero-padded to the width of the pixel count, exactly as Tribuo's
 * {@code IDXDataSource} names them ({@code "000".."783"} for 1×28×28, {@code "0000".."3071"} for
 * 3×32×32). The padding makes the string order the index order, which Tribuo's examples require,
 * and {@link ImageTensorizer} places each pixel by the index in its name.
 */
public final class PixelNames implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final Map<Integer, PixelNames> SHARED = new ConcurrentHashMap<>();

    private final String[] names;

    private PixelNames(int count) {
        String format = "%0" + Integer.toString(count).length() + "d";
        names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = String.format(Locale.ROOT, format, i);
        }
    }

    /**
     * The shared names of an image of this many pixels.
     * @param count The number of pixel values per image, positive.
     * @return The names (one instance per count, so examples never copy them).
     */
    public static PixelNames of(int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("pixel count must be positive, found " + count);
        }
        return SHARED.computeIfAbsent(count, PixelNames::new);
    }

    /**
     * The number of names.
     * @return The pixel count.
     */
    public int size() {
        return names.length;
    }

    /**
     * The name of one pixel.
     * @param index The flat channel-major index.
     * @return Its name.
     */
    public String name(int index) {
        return names[index];
    }

    /**
     * The index a name stands for, if it is one of these names.
     * @param name A feature name.
     * @return Its index, or -1 when it is not one of these names.
     */
    public int indexOf(String name) {
        long index = ImageTensorizer.pixelIndex(name);
        return index >= 0 && index < names.length && names[(int) index].equals(name) ? (int) index : -1;
    }

    /** Deserialized names are the shared instance again. */
    private Object readResolve() {
        return of(names.length);
    }
}
