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

package org.tribuo.nas.cli;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import org.tribuo.nas.numerics.CheckedConvolutions;
import org.tribuo.nas.numerics.ConvRoute;
import org.tribuo.nas.numerics.ConvSignature;
import org.tribuo.nas.numerics.ConvVerdict;
import org.tribuo.nas.numerics.RouteCheck;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The table of {@code doctor --numerics}: the convolution shapes a set of channel widths uses
 * (and a default set: the widths where libtorch 2.7.1's CPU kernels were found wrong, and the
 * multiples of 16 that are right), each checked against float64 in both memory layouts as a run
 * checks it, with the route a run takes.
 */
final class NumericsTable {

    /** Input height and width of the checked shapes. */
    static final int SIZE = 16;
    private static final Shape ONE = new Shape(1, 1);
    private static final Shape TWO = new Shape(2, 2);
    private static final Shape ZERO = new Shape(0, 0);

    private final Set<ConvSignature> signatures = new LinkedHashSet<>();
    private final Device device;

    NumericsTable(Device device) {
        this.device = device;
    }

    /** The default rows: the table (docs/known-issues.md). */
    NumericsTable addDefaults() {
        add(24, 24, 3, ONE, ONE, ONE, 1);
        add(36, 36, 3, ONE, ONE, ONE, 1);
        add(108, 36, 1, ONE, ZERO, ONE, 1);
        add(3, 108, 3, ONE, ONE, ONE, 1);
        add(12, 12, 3, ONE, ONE, ONE, 1);
        for (int c : new int[]{16, 32, 48}) {
            add(c, c, 3, ONE, ONE, ONE, 1);
            add(c, c, 1, ONE, ZERO, ONE, 1);
            add(c, 2 * c, 3, TWO, ONE, ONE, 1);
        }
        for (int c : new int[]{36, 12, 4}) {
            add(c, c, 3, ONE, ONE, ONE, c);
            add(c, c, 3, ONE, TWO, TWO, c);
            add(c, c, 1, ONE, ZERO, ONE, 1);
        }
        return this;
    }

    /**
     * The shapes a network of width {@code c} uses in a stage of width c, 2c and 4c: 3×3 and 1×1
     * convolutions, the depthwise ones of separable and dilated convolutions, the reduction, and
     * the stems from grey and colour images.
     */
    NumericsTable addWidth(int c) {
        add(1, c, 3, ONE, ONE, ONE, 1);
        add(3, c, 3, ONE, ONE, ONE, 1);
        for (int w : new int[]{c, 2 * c, 4 * c}) {
            add(w, w, 3, ONE, ONE, ONE, 1);
            add(w, w, 1, ONE, ZERO, ONE, 1);
            add(w, w, 3, ONE, ONE, ONE, w);
            add(w, w, 5, ONE, new Shape(4, 4), TWO, w);
        }
        add(c, 2 * c, 3, TWO, ONE, ONE, 1);
        add(2 * c, 4 * c, 3, TWO, ONE, ONE, 1);
        return this;
    }

    private void add(int in, int out, int kernel, Shape stride, Shape padding, Shape dilation, int groups) {
        signatures.add(new ConvSignature(in, out, kernel, kernel, stride, padding, dilation, groups, SIZE, SIZE, false,
                true, true, DataType.FLOAT32, device, JniUtils.getNumThreads()));
    }

    /**
     * Checks every shape and prints the table.
     * @param out Where to print.
     * @return The number of shapes no route computes right.
     */
    int print(PrintStream out) {
        out.printf(Locale.ROOT, "convolutions against float64 (%s, %d intra-op threads, %d×%d inputs, batch of 2):%n",
                device, JniUtils.getNumThreads(), SIZE, SIZE);
        out.println("| in → out | kernel / stride / dilation / groups | route | rel. error y | dX | dW | verdict |");
        out.println("|---|---|---|---|---|---|---|");
        int unusable = 0;
        List<ConvVerdict> verdicts = new ArrayList<>();
        for (ConvSignature s : signatures) {
            ConvVerdict v = CheckedConvolutions.verdict(s);
            verdicts.add(v);
            for (RouteCheck c : CheckedConvolutions.survey(s)) {
                out.printf(Locale.ROOT, "| %d → %d | %d×%d / %d / %d / %d | %s | %s | %s | %s | %s |%n", s.inChannels(),
                        s.outChannels(), s.kernelHeight(), s.kernelWidth(), s.stride().get(0), s.dilation().get(0),
                        s.groups(), layout(c.route()), error(c.forwardError()), error(c.inputGradientError()),
                        error(c.weightGradientError()), c.passesAll() ? "right" : "WRONG");
            }
            for (RouteCheck c : v.checks()) {
                if (c.route() != ConvRoute.CONTIGUOUS && c.route() != ConvRoute.CHANNELS_LAST) {
                    out.printf(Locale.ROOT, "|   | | %s | %s | %s | %s | %s |%n", layout(c.route()), error(c.forwardError()),
                            error(c.inputGradientError()), error(c.weightGradientError()), c.passesAll() ? "right" : "WRONG");
                }
            }
            out.printf(Locale.ROOT, "|   | | **a run takes** | | | | %s |%n", verdict(v));
            unusable += v.usable() ? 0 : 1;
        }
        long routed = verdicts.stream().filter(v -> v.usable() && v.routed()).count();
        out.printf(Locale.ROOT, "%d shapes: %d computed as called, %d routed, %d with no right route%n", verdicts.size(),
                verdicts.size() - routed - unusable, routed, unusable);
        return unusable;
    }

    private static String layout(ConvRoute route) {
        return switch (route) {
            case CONTIGUOUS -> "NCHW";
            case CHANNELS_LAST -> "channels-last";
            default -> route.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    private static String verdict(ConvVerdict v) {
        if (!v.usable()) {
            return "NO RIGHT ROUTE: training refuses it";
        }
        return v.routed() ? "routed: " + layout(v.route()) : "as called";
    }

    private static String error(double e) {
        return Double.isFinite(e) ? String.format(Locale.ROOT, "%.1e", e) : "non-finite";
    }
}
