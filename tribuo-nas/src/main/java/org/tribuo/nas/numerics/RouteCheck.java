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

import java.util.Locale;

/**
 * How one route computed one convolution shape against float64: the largest relative error
 * ({@code max |Δ| / max |reference|}, infinite if a value was not finite) of the output, the input
 * gradient and the weight (and bias) gradient over the check's repetitions.
 *
 * @param route The route.
 * @param forwardError The output's error.
 * @param inputGradientError The input gradient's error.
 * @param weightGradientError The error of the weight's and the bias' gradients.
 */
public record RouteCheck(ConvRoute route, double forwardError, double inputGradientError, double weightGradientError) {

    /**
     * Finite-precision error that a right float32 convolution stays below, relative to the largest
     * reference value: right convolutions measured here stay under 2e-6 (sums of up to a few
     * thousand products), wrong ones are off by 1e-2 to 1 or not finite.
     */
    public static final double TOLERANCE = 1e-4;

    /**
     * Whether the route computes what a call of this signature uses right: the output, and the
     * gradients the signature takes.
     * @param signature The call's signature.
     * @return True if those errors are within {@link #TOLERANCE}.
     */
    public boolean passes(ConvSignature signature) {
        return forwardError <= TOLERANCE && (!signature.inputGradient() || inputGradientError <= TOLERANCE)
                && (!signature.weightGradient() || weightGradientError <= TOLERANCE);
    }

    /**
     * Whether the output and both gradients are right.
     * @return True if every error is within {@link #TOLERANCE}.
     */
    public boolean passesAll() {
        return Math.max(forwardError, Math.max(inputGradientError, weightGradientError)) <= TOLERANCE;
    }

    /**
     * The errors as text, e.g. {@code y 3.0e-07, dX 1.4e-01, dW non-finite}.
     * @return The description.
     */
    public String describe() {
        return "y " + error(forwardError) + ", dX " + error(inputGradientError) + ", dW " + error(weightGradientError);
    }

    private static String error(double e) {
        return Double.isFinite(e) ? String.format(Locale.ROOT, "%.1e", e) : "non-finite";
    }
}
