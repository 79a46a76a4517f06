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

package org.tribuo.nas.onnx;

import ai.djl.ndarray.types.Shape;

import java.util.Map;
import java.util.TreeMap;

/**
 * DJL shapes as the integer-list attributes of ONNX operators ({@code kernel_shape},
 * {@code strides}, {@code dilations}, {@code pads}).
 */
final class ShapeAttributes {

    private ShapeAttributes() {}

    /**
     * The dimensions of a shape.
     * @param shape A kernel, stride or dilation shape.
     * @return Its dimensions as ints.
     */
    static int[] ints(Shape shape) {
        int[] out = new int[shape.dimension()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.toIntExact(shape.get(i));
        }
        return out;
    }

    /**
     * ONNX {@code pads} for the same padding on both sides of every axis: the begins, then the ends.
     * @param padding The padding per axis.
     * @return Twice as many ints.
     */
    static int[] pads(Shape padding) {
        int[] p = ints(padding);
        int[] out = new int[2 * p.length];
        System.arraycopy(p, 0, out, 0, p.length);
        System.arraycopy(p, 0, out, p.length, p.length);
        return out;
    }

    /**
     * Attributes in the order of their names: {@code Map.of} iterates in an order that changes from
     * one JVM to the next, and the writer adds a node's attributes in iteration order, so an
     * unordered map would give other bytes for the same network on every run.
     * @param attributes The attributes.
     * @return The same attributes, sorted by name.
     */
    static Map<String, Object> ordered(Map<String, Object> attributes) {
        return new TreeMap<>(attributes);
    }
}
