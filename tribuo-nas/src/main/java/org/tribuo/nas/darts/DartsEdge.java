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


package org.tribuo.nas.darts;

import java.util.Objects;

/**
 * One (op, input) pair of a discrete DARTS cell: the op a node applies to one of the states it
 * reads (0 and 1 are the cell inputs, 2..5 the nodes). In Python, the tuple
 * {@code ('sep_conv_3x3', 1)}.
 *
 * @param op The op; never {@code none}.
 * @param input The state the op reads.
 */
public record DartsEdge(DartsOp op, int input) {

    /**
     * Checks the op is present and the input is a state index.
     * @param op The op.
     * @param input The state the op reads.
     */
    public DartsEdge {
        Objects.requireNonNull(op, "op");
        if (input < 0) {
            throw new IllegalArgumentException("a DARTS edge reads a state index >= 0, got " + input);
        }
    }

    /**
     * The Python tuple form, e.g. {@code ('sep_conv_3x3', 1)}.
     * @return The text.
     */
    @Override
    public String toString() {
        return "('" + op.opName() + "', " + input + ")";
    }
}
