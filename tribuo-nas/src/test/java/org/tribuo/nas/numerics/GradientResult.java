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

import ai.djl.ndarray.NDList;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The comparison of one network pass.
 * @param what The case.
 * @param errors One entry per compared tensor: the outputs, every differentiable input's
 *               gradient, every parameter gradient.
 * @param zeroGradients The parameters whose reference gradient is exactly zero (the ops a
 *                      sample did not run).
 * @param verdicts The verdicts of the convolution signatures the passes used (empty when the
 *                 check was off).
 * @param inconsistency Empty, or how far repeated float64 passes disagreed beyond
 *                      {@link NetworkGradientCheck#SENSITIVITY_CAP}.
 */
record GradientResult(String what, List<Error> errors, List<String> zeroGradients, List<ConvVerdict> verdicts,
              String inconsistency) {

    /** The verdicts whose calls were routed. */
    List<ConvVerdict> routed() {
        return verdicts.stream().filter(ConvVerdict::routed).toList();
    }

    /** The largest relative error. */
    Error worst() {
        Error worst = errors.get(0);
        for (Error e : errors) {
            if (!(e.relative <= worst.relative)) {
                worst = e;
            }
        }
        return worst;
    }

    /** The tensors that do not agree (non-finite included). */
    List<Error> failures() {
        return errors.stream().filter(e -> !e.agrees()).toList();
    }

    /** The tensors above {@link NetworkGradientCheck#TOLERANCE} that the function's own sensitivity explains. */
    List<Error> excused() {
        return errors.stream().filter(e -> e.agrees() && !(e.relative <= NetworkGradientCheck.TOLERANCE)).toList();
    }

    /** Asserts every compared tensor agrees; prints the worst. */
    GradientResult assertAgrees() {
        List<Error> failures = failures();
        System.out.printf(Locale.ROOT, "[NetworkGradientCheck] %s: %d tensors, worst %s; %d of %d signatures routed%n",
                what, errors.size(), worst(), routed().size(), verdicts.size());
        if (!inconsistency.isEmpty()) {
            System.out.printf(Locale.ROOT, "[NetworkGradientCheck]   %s%n", inconsistency);
        }
        for (Error e : excused()) {
            System.out.printf(Locale.ROOT, "[NetworkGradientCheck]   excused by float64 sensitivity: %s%n", e);
        }
        assertTrue(failures.isEmpty(), () -> what + ": " + failures.size() + " of " + errors.size()
                + " tensors differ from float64 by more than " + NetworkGradientCheck.TOLERANCE + " (plus twice the function's "
                + "float64 sensitivity):\n  "
                + failures.stream().map(Error::toString).collect(Collectors.joining("\n  "))
                + (inconsistency.isEmpty() ? "" : "\n" + inconsistency)
                + "\nconvolution verdicts:\n  "
                + verdicts.stream().map(ConvVerdict::describe).collect(Collectors.joining("\n  ")));
        return this;
    }

    /**
     * The compared error of one tensor.
     * @param name The tensor.
     * @param scale max |float64 value|.
     * @param difference max |float32 − float64|.
     * @param relative difference / scale (or / the largest gradient for a gradient that is zero in
     *                 float64); infinite if a value is not finite.
     * @param sensitivity The largest relative change of the float64 value under float32-sized
     *                    perturbations of the weights and inputs, 0 if not measured.
     */
    record Error(String name, double scale, double difference, double relative, double sensitivity) {

        /** Whether the float32 value is within the tolerance (widened by the function's sensitivity). */
        boolean agrees() {
            return relative <= NetworkGradientCheck.TOLERANCE + 2 * sensitivity;
        }

        Error withSensitivity(double s) {
            return new Error(name, scale, difference, relative, s);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: relative %.2e (max |diff| %.2e, max |ref| %.2e)%s", name, relative,
                    difference, scale, sensitivity > 0 ? String.format(Locale.ROOT,
                            "; float64 moves %.2e under float32-sized perturbations", sensitivity) : "");
        }
    }
}
