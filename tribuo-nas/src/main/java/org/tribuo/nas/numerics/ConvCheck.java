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
import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Measures one convolution shape against float64: the output and both gradients of the loss
 * {@code Σ y ⊙ r} for a fixed random {@code r}, on a small batch of the shape's size,
 * {@value #REPEATS} times per route (some wrong results come and go from call to call).
 * <p>
 * A shape whose channels are multiples of {@value ConvRoute#VECTOR_CHANNELS} and whose dilation is
 * 1 is measured in both memory layouts, so that a call is left as it comes when both are right. Any
 * other shape is <em>suspect</em> (docs/known-issues.md: its wrong results vary with threads and
 * calls, and the engine's wrong kernels have corrupted the process's heap), so its routes are
 * measured one at a time in the order of {@link #plan}, stopping at the first that is right: the
 * layout its kernel family was right in on every machine measured first, so that the wrong
 * kernels are not run at all where that layout is right.
 * <p>
 * The data come from a {@link SplittableRandom} seeded by the shape, not from the engine's
 * generator, so a check leaves a run's random streams as they were.
 */
final class ConvCheck {

    /** Images per check: the wrong results measured so far depend on channels, not on the batch. */
    static final int BATCH = 2;
    /** Repetitions per route. */
    static final int REPEATS = 3;

    private static final List<ConvRoute> LAYOUTS = List.of(ConvRoute.CONTIGUOUS, ConvRoute.CHANNELS_LAST);
    private static final List<ConvRoute> FALLBACKS = List.of(ConvRoute.PADDED_CONTIGUOUS,
            ConvRoute.PADDED_CHANNELS_LAST, ConvRoute.UNFOLDED);

    private ConvCheck() {}

    /**
     * Measures a shape.
     * @param shape A float32 (or other non-reference) signature taking both gradients.
     * @return The measurements in the order taken: both layouts, then fallbacks up to the first right
     *         one; for a suspect shape, its {@link #plan} up to the first right route.
     */
    static List<RouteCheck> measure(ConvSignature shape) {
        if (!suspect(shape)) {
            List<RouteCheck> checks = new ArrayList<>(measure(shape, LAYOUTS));
            if (checks.stream().noneMatch(RouteCheck::passesAll)) {
                checks.addAll(measureUntilRight(shape, FALLBACKS.stream().filter(r -> r.appliesTo(shape)).toList()));
            }
            return checks;
        }
        return measureUntilRight(shape, plan(shape));
    }

    /**
     * Whether a shape's routes are measured one at a time: a channel count (per group, or the
     * groups of a depthwise convolution) that is not a multiple of the vector width, or a dilation.
     * @param s The shape.
     * @return True if suspect.
     */
    static boolean suspect(ConvSignature s) {
        boolean depthwise = s.inPerGroup() == 1 && s.outPerGroup() == 1;
        long[] channels = depthwise ? new long[]{s.groups()} : new long[]{s.inPerGroup(), s.outPerGroup()};
        for (long c : channels) {
            if (c % ConvRoute.VECTOR_CHANNELS != 0) {
                return true;
            }
        }
        return s.dilation().get(0) != 1 || s.dilation().get(1) != 1;
    }

    /**
     * The order a suspect shape's routes are tried in: dense convolutions with a kernel wider than
     * 1×1, other than an image stem, channels-last first (NCHW was wrong, intermittently with 2 threads, at 4–72 channels;
     * channels-last right in every case measured), 1×1 and grouped or depthwise ones NCHW first
     * (channels-last was wrong for 1×1 at 36–108 channels with 2 threads, and for dilated depthwise
     * ones at every width); then the other layout, then the padded and unfolded routes.
     * @param s The shape.
     * @return The routes in order.
     */
    static List<ConvRoute> plan(ConvSignature s) {
        // An image stem (up to 4 input channels) keeps NCHW first, the layout the images come in, so that
        // the default networks' stems (1 → 16, 3 → 16, right in both layouts) run exactly as before.
        boolean stem = s.inChannels() <= 4;
        boolean dense = s.groups() == 1 && !stem && (s.kernelHeight() > 1 || s.kernelWidth() > 1);
        List<ConvRoute> order = new ArrayList<>(dense ? List.of(ConvRoute.CHANNELS_LAST, ConvRoute.CONTIGUOUS)
                : List.of(ConvRoute.CONTIGUOUS, ConvRoute.CHANNELS_LAST));
        FALLBACKS.stream().filter(r -> r.appliesTo(s)).forEach(order::add);
        return order;
    }

    /** Measures the routes in order up to the first one that is right for the output and both gradients. */
    private static List<RouteCheck> measureUntilRight(ConvSignature shape, List<ConvRoute> routes) {
        List<RouteCheck> checks = new ArrayList<>();
        for (ConvRoute route : routes) {
            RouteCheck check = measure(shape, List.of(route)).get(0);
            checks.add(check);
            if (check.passesAll()) {
                break;
            }
        }
        return checks;
    }

    /**
     * Measures the given routes of a shape against float64.
     * @param shape The shape.
     * @param routes The routes, each applicable to the shape.
     * @return One measurement per route, in order.
     */
    static List<RouteCheck> measure(ConvSignature shape, List<ConvRoute> routes) {
        try (NDManager manager = NDManager.newBaseManager(shape.device())) {
            Sample sample = Sample.of(shape);
            Outputs reference = run(manager, shape, sample, ConvRoute.AS_GIVEN, DataType.FLOAT64, false);
            List<RouteCheck> checks = new ArrayList<>();
            for (ConvRoute route : routes) {
                checks.add(measure(manager, shape, sample, reference, route));
            }
            return checks;
        }
    }

    private static RouteCheck measure(NDManager manager, ConvSignature s, Sample sample, Outputs reference,
                                      ConvRoute route) {
        double y = 0;
        double dx = 0;
        double dw = 0;
        for (int r = 0; r < REPEATS; r++) {
            try (NDManager m = manager.newSubManager()) {
                Outputs out = run(m, s, sample, route, s.dataType(), r == REPEATS - 1);
                y = Math.max(y, relativeError(out.y(), reference.y()));
                dx = Math.max(dx, relativeError(out.dx(), reference.dx()));
                dw = Math.max(dw, Math.max(relativeError(out.dw(), reference.dw()), relativeError(out.db(), reference.db())));
            }
        }
        return new RouteCheck(route, y, dx, dw);
    }

    private static Outputs run(NDManager m, ConvSignature s, Sample sample, ConvRoute route, DataType type,
                               boolean strided) {
        NDArray x = m.create(sample.x, sample.xShape).toType(type, false);
        NDArray w = m.create(sample.w, sample.wShape).toType(type, false);
        NDArray b = s.bias() ? m.create(sample.b, new Shape(s.outChannels())).toType(type, false) : null;
        NDArray r = m.create(sample.r, sample.yShape).toType(type, false);
        x.setRequiresGradient(s.inputGradient());
        w.setRequiresGradient(s.weightGradient());
        if (b != null) {
            b.setRequiresGradient(s.weightGradient());
        }
        NDArray[] y = new NDArray[1];
        IsolatedGradients.backward(() -> {
            y[0] = route.apply(x, w, b, s.stride(), s.padding(), s.dilation(), s.groups());
            if (strided) {
                // The output's gradient arrives as a channel slice of a wider one, as from a cell's concatenation.
                NDArray wide = y[0].concat(y[0].zerosLike(), 1);
                return wide.mul(r.concat(r, 1)).sum();
            }
            return y[0].mul(r).sum();
        });
        return new Outputs(doubles(y[0]), s.inputGradient() ? doubles(x.getGradient()) : null,
                s.weightGradient() ? doubles(w.getGradient()) : null,
                s.weightGradient() && b != null ? doubles(b.getGradient()) : null);
    }

    private static double[] doubles(NDArray a) {
        return a.toType(DataType.FLOAT64, false).toDoubleArray();
    }

    /** max |a − ref| / max |ref|; infinite if a value is not finite; 0 when there is no such gradient. */
    static double relativeError(double[] a, double[] ref) {
        if (a == null) {
            return 0;
        }
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                return Double.POSITIVE_INFINITY;
            }
            diff = Math.max(diff, Math.abs(a[i] - ref[i]));
            scale = Math.max(scale, Math.abs(ref[i]));
        }
        return scale == 0 ? diff : diff / scale;
    }

    /** One call's output and gradients as doubles (null for a gradient not taken). */
    private record Outputs(double[] y, double[] dx, double[] dw, double[] db) {}

    /** The check's data for one signature, in float32. */
    private static final class Sample {
        private final float[] x;
        private final float[] w;
        private final float[] b;
        private final float[] r;
        private final Shape xShape;
        private final Shape wShape;
        private final Shape yShape;

        private Sample(ConvSignature s) {
            SplittableRandom rng = new SplittableRandom(s.describe().hashCode());
            xShape = new Shape(BATCH, s.inChannels(), s.height(), s.width());
            wShape = new Shape(s.outChannels(), s.inPerGroup(), s.kernelHeight(), s.kernelWidth());
            yShape = new Shape(BATCH, s.outChannels(), out(s.height(), s.kernelHeight(), 0, s),
                    out(s.width(), s.kernelWidth(), 1, s));
            x = rectified(uniform(rng, xShape.size(), 1));
            w = uniform(rng, wShape.size(), 1 / Math.sqrt(s.inPerGroup() * s.kernelHeight() * s.kernelWidth()));
            b = uniform(rng, s.outChannels(), 0.1);
            r = uniform(rng, yShape.size(), 1);
        }

        static Sample of(ConvSignature s) {
            return new Sample(s);
        }

        private static long out(long size, long kernel, int axis, ConvSignature s) {
            return (size + 2 * s.padding().get(axis) - s.dilation().get(axis) * (kernel - 1) - 1) / s.stride().get(axis) + 1;
        }

        /** As after a ReLU, what most convolutions of a cell see; the wrong weight gradients were measured so. */
        private static float[] rectified(float[] v) {
            for (int i = 0; i < v.length; i++) {
                v[i] = Math.max(0, v[i]);
            }
            return v;
        }

        private static float[] uniform(SplittableRandom rng, long n, double scale) {
            float[] v = new float[Math.toIntExact(n)];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (scale * (2 * rng.nextDouble() - 1));
            }
            return v;
        }
    }
}
