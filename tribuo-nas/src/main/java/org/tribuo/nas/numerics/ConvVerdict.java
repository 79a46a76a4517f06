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

import java.util.List;
import java.util.stream.Collectors;

/**
 * What the check decided for one convolution signature: the route its calls take (null if no
 * route computes it right) and the measurements behind the decision.
 *
 * @param signature The signature.
 * @param route The route, or null if none passed.
 * @param checks Every route measured for the signature's shape, in the order tried; empty for
 *               float64 calls, which are the reference themselves.
 */
public record ConvVerdict(ConvSignature signature, ConvRoute route, List<RouteCheck> checks) {

    /**
     * Creates the verdict.
     * @param signature The signature.
     * @param route The route, or null.
     * @param checks The measurements.
     */
    public ConvVerdict {
        checks = List.copyOf(checks);
    }

    /**
     * Picks the route of a signature from its shape's measurements ({@link ConvCheck}): the call as
     * given if both layouts were measured and both are right for what the signature uses, else
     * the first measured route that is.
     * @param signature The signature.
     * @param checks The measurements of its shape, in the order tried.
     * @return The verdict.
     */
    static ConvVerdict decide(ConvSignature signature, List<RouteCheck> checks) {
        boolean contiguous = checks.stream().anyMatch(c -> c.route() == ConvRoute.CONTIGUOUS && c.passes(signature));
        boolean channelsLast = checks.stream().anyMatch(c -> c.route() == ConvRoute.CHANNELS_LAST && c.passes(signature));
        if (contiguous && channelsLast) {
            return new ConvVerdict(signature, ConvRoute.AS_GIVEN, checks);
        }
        ConvRoute route = checks.stream().filter(c -> c.passes(signature)).map(RouteCheck::route).findFirst().orElse(null);
        return new ConvVerdict(signature, route, checks);
    }

    /**
     * Whether the call goes another way than the engine's kernel as called.
     * @return True for any route other than {@link ConvRoute#AS_GIVEN}.
     */
    public boolean routed() {
        return route != ConvRoute.AS_GIVEN;
    }

    /**
     * Whether some route computes the signature right.
     * @return False if every route failed.
     */
    public boolean usable() {
        return route != null;
    }

    /**
     * One line: the signature, the route and each measurement.
     * @return The description.
     */
    public String describe() {
        String measured = checks.isEmpty() ? "float64 reference, not checked"
                : checks.stream().map(c -> c.route() + " " + (c.passes(signature) ? "ok" : "WRONG") + " ("
                        + c.describe() + ")").collect(Collectors.joining("; "));
        return signature.describe() + " -> " + (route == null ? "NO ROUTE" : route) + ": " + measured;
    }
}
