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

package org.tribuo.nas.space;

import java.util.Arrays;

/**
 * Which op each α row (edge) runs in the next forward pass of a supernet: all of them
 * (continuous relaxation, DARTS/GAEA) or one sampled op per edge (GDAS).
 * <p>
 * The search sets it before each forward pass; every mixed edge of the supernet reads the entry
 * of its α row. With a sampled op, an edge computes
 * {@code Σ_k (k == sampled ? w_k·op_k(x) : w_k)}: only the sampled op runs, and every other
 * weight (0 in value for a straight-through one-hot sample) still receives its gradient.
 * Not thread-safe: a supernet is driven by one thread.
 */
public final class OpSelection {

    private int[] sampled;

    /** Creates a selection that runs all ops. */
    public OpSelection() {}

    /**
     * Runs only the given op on each row in the following forward passes.
     * @param opPerRow The sampled op index of every α row.
     */
    public void sample(int[] opPerRow) {
        this.sampled = opPerRow.clone();
    }

    /** Runs every op again (the continuous relaxation). */
    public void all() {
        this.sampled = null;
    }

    /**
     * Whether ops are sampled.
     * @return True if each edge runs one op.
     */
    public boolean isSampled() {
        return sampled != null;
    }

    /**
     * The op an edge runs.
     * @param row The edge's α row.
     * @return The sampled op index, or -1 when all ops run.
     */
    public int sampledOp(int row) {
        return sampled == null ? -1 : sampled[row];
    }

    @Override
    public String toString() {
        return sampled == null ? "OpSelection(all)" : "OpSelection" + Arrays.toString(sampled);
    }
}
