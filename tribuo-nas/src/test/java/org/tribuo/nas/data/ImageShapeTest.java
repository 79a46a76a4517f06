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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageShapeTest {

    @Test
    void accessorsAndString() {
        ImageShape s = new ImageShape(3, 32, 16);
        assertEquals(3, s.channels());
        assertEquals(32, s.height());
        assertEquals(16, s.width());
        assertEquals(512, s.planeSize());
        assertEquals(3 * 32 * 16, s.pixels());
        assertEquals("3x32x16", s.toString());
    }

    @Test
    void parseRoundTrips() {
        assertEquals(new ImageShape(1, 28, 28), ImageShape.parse("1x28x28"));
        assertEquals(new ImageShape(3, 8, 4), ImageShape.parse(" 3X8x4 "));
        ImageShape s = new ImageShape(2, 5, 7);
        assertEquals(s, ImageShape.parse(s.toString()));
    }

    @Test
    void equalsAndHashCode() {
        assertEquals(new ImageShape(1, 28, 28), new ImageShape(1, 28, 28));
        assertEquals(new ImageShape(1, 28, 28).hashCode(), new ImageShape(1, 28, 28).hashCode());
        assertNotEquals(new ImageShape(1, 28, 28), new ImageShape(28, 1, 28));
        assertNotEquals(new ImageShape(1, 28, 28), new ImageShape(1, 28, 27));
    }

    @Test
    void rejectsNonPositiveDimensionsByName() {
        assertMessageContains(() -> new ImageShape(0, 28, 28), "channels");
        assertMessageContains(() -> new ImageShape(1, -2, 28), "height");
        assertMessageContains(() -> new ImageShape(1, 28, 0), "width");
        assertMessageContains(() -> new ImageShape(65536, 65536, 1), "more than");
    }

    @Test
    void parseErrorsAreClear() {
        assertMessageContains(() -> ImageShape.parse("28x28"), "'28x28' is not of the form CxHxW");
        assertMessageContains(() -> ImageShape.parse("1x28x28x1"), "not of the form CxHxW");
        assertMessageContains(() -> ImageShape.parse("1xabcx28"), "height 'abc' is not an integer");
        assertMessageContains(() -> ImageShape.parse("1x0x28"), "height must be positive");
        assertMessageContains(() -> ImageShape.parse(null), "null");
    }

    private static void assertMessageContains(Runnable r, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(expected), () -> "message '" + e.getMessage() + "' lacks '" + expected + "'");
    }
}
