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

import ai.djl.util.PairList;

import java.util.Arrays;

/**
 * Which op each α row (edge) runs in one forward pass of a supernet: all of them (continuous
 * relaxation, DARTS/GAEA) or one sampled op per edge (GDAS).
 * <p>
 * It travels with the forward call, in DJL's {@code params} ({@link #params()}), and every mixed
 * edge of the supernet reads the entry of its α row ({@link #of(PairList)}); blocks on the way
 * pass {@code params} down. With a sampled op, an edge computes
 * {@code Σ_k (k == sampled ? w_k·op_k(x) : w_k)}: only the sampled op runs, and every other
 * weight (0 in value for a straight-through one-hot sample) still receives its gradient.
 * Immutable.
 */
public final class OpSelection {

    /** The key of the selection in a forward call's params. */
    public static final String PARAM = "tribuo-nas.op-selection";

    /** Every edge runs all its ops. */
    public static final OpSelection ALL = new OpSelection(null);

    private final int[] sampled;

    private OpSelection(int[] sampled) {
        this.sampled = sampled;
    }

    /**
     * One op per edge.
     * @param opPerRow The sampled op index of every α row.
     * @return The selection.
     */
    public static OpSelection sampled(int[] opPerRow) {
        return new OpSelection(opPerRow.clone());
    }

    /**
     * The selection a forward call carries.
     * @param params The call's params (may be null).
     * @return The selection, {@link #ALL} when there is none.
     */
    public static OpSelection of(PairList<String, Object> params) {
        if (params == null) {
            return ALL;
        }
        Object value = params.get(PARAM);
        return value instanceof OpSelection selection ? selection : ALL;
    }

    /**
     * Params for a forward call that carry this selection.
     * @return The params; null for {@link #ALL}, which needs none.
     */
    public PairList<String, Object> params() {
        if (sampled == null) {
            return null;
        }
        PairList<String, Object> params = new PairList<>();
        params.add(PARAM, this);
        return params;
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
