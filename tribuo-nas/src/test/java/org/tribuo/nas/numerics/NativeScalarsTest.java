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

package org.tribuo.nas.numerics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.tribuo.nas.runtime.DjlRuntime;

import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link NativeScalars}: the scalar of a product or quotient stays valid through a garbage
 * collection between the forward and the backward pass, the case where DJL's
 * {@code mul(Number)} reads freed memory.
 */
public class NativeScalarsTest {

    private static final float[] X = {1, -2, 3, 0.5f};
    /** What freed small buffers are refilled with: a gradient that read one would be off by this much. */
    private static final float POISON = 1e11f;

    @Test
    public void productGradientSurvivesACollectionBeforeBackward() {
        assertArrayEquals(new double[]{2.5, 2.5, 2.5, 2.5}, gradient(x -> NativeScalars.mul(x, 2.5), true), 0);
    }

    @Test
    public void quotientGradientSurvivesACollectionBeforeBackward() {
        assertArrayEquals(new double[]{0.25, 0.25, 0.25, 0.25}, gradient(x -> NativeScalars.div(x, 4), true), 0);
    }

    @Test
    public void valuesKeepTheArraysTypeAndTheScalarsPrecision() {
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            NDArray x64 = m.create(new double[]{1, 2});
            NDArray y64 = NativeScalars.mul(x64, 0.1);
            assertEquals(DataType.FLOAT64, y64.getDataType());
            assertArrayEquals(new double[]{0.1, 0.2}, y64.toDoubleArray(), 0, "a float64 array is scaled by the double 0.1");
            NDArray x32 = m.create(new float[]{1, 2});
            NDArray y32 = NativeScalars.div(x32, 3);
            assertEquals(DataType.FLOAT32, y32.getDataType());
            assertArrayEquals(new float[]{1 / 3f, 2 / 3f}, y32.toFloatArray(), 0);
            assertArrayEquals(new float[]{0.5f, 1}, NativeScalars.muli(x32, 0.5).toFloatArray(), 0);
            assertArrayEquals(new float[]{0.5f, 1}, x32.toFloatArray(), 0, "muli changes its argument");
        }
    }

    /**
     * The unprotected form, for the record: DJL's own {@code mul(Number)} under the same collection.
     * Whether the freed buffer is reused in time depends on the allocator, so this only reports.
     */
    @Test
    public void reportsWhetherDjlsNumberOverloadReadsFreedMemoryHere() {
        double[] g = gradient(x -> x.mul(2.5f), true);
        System.out.println("[NativeScalarsTest] DJL mul(Number) after a collection: gradient " + java.util.Arrays.toString(g)
                + (g[0] == 2.5 ? " (right this time)" : " (read freed memory)"));
    }

    /** d(sum f(x))/dx, with a full collection and small-buffer churn between forward and backward. */
    private static double[] gradient(UnaryOperator<NDArray> f, boolean collect) {
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            NDArray x = m.create(X);
            x.setRequiresGradient(true);
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                NDArray y = f.apply(x);
                if (collect) {
                    collectAndRefill(m);
                }
                gc.backward(y.sum());
            }
            return x.getGradient().toType(DataType.FLOAT64, false).toDoubleArray();
        }
    }

    /** Frees unreachable direct buffers, then allocates many small ones holding {@link #POISON}. */
    private static void collectAndRefill(NDManager m) {
        System.gc();
        try {
            Thread.sleep(100); // the Cleaner thread frees the buffers after the collection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (NDManager churn = m.newSubManager()) {
            for (int i = 0; i < 2000; i++) {
                churn.create(POISON);
            }
        }
    }
}
