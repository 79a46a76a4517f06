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

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A search space whose final network is a fixed skeleton plus one op per α row at known places:
 * what a cost-aware search needs to cost every candidate op where the network will use it. The
 * cost of a network is then the sum of its chosen ops' costs over their sites plus the cost of the
 * skeleton (stem, reductions, head). NAS-Bench-201 and the tabular space implement it (each α row
 * is one edge of a cell repeated at every cell of the network, and a cell uses every row), and so
 * does the DARTS space (a cell uses two of each node's incoming edges: {@link #choiceRule()}).
 */
public interface CostDecomposition {

    /**
     * One place in the final network where an α row's op runs.
     * @param row The α row (edge).
     * @param input The op's input shape there, batch first.
     */
    public record OpSite(int row, Shape input) {}

    /**
     * Every place an α row's op runs in the final network.
     * @param settings The final network's sizes.
     * @param input The network's input shape, batch first (e.g. [1, C, H, W]).
     * @return The sites, for every row and every cell.
     */
    public List<OpSite> opSites(NetworkSettings settings, Shape input);

    /**
     * The final network's block of one candidate op at a site, uninitialized; initialize it with
     * the site's input shape.
     * @param op The op's column in α.
     * @param site Where it runs: the row (which may set the stride) and the input shape.
     * @return The block, or null for an op that computes nothing (the zero op).
     */
    public Block newOp(int op, OpSite site);

    /**
     * Which rows a cell uses and which ops it may choose there.
     * @return The rule.
     */
    public ChoiceRule choiceRule();

    /**
     * The op each α row chose in a genotype.
     * @param genotype A genotype of this space.
     * @return One α column per row, {@link ChoiceRule#UNUSED} on the rows the cell does not use.
     * @throws IllegalArgumentException if the genotype uses an op outside the candidates, or has a
     * shape the decomposition does not cost.
     */
    public int[] opChoices(Genotype genotype);

    /**
     * The genotype of the given choices.
     * @param choices One α column per row, {@link ChoiceRule#UNUSED} on unused rows; they follow
     *                {@link #choiceRule()}.
     * @return The genotype.
     */
    public Genotype genotype(int[] choices);

    /**
     * The α column of every edge's op, for spaces whose genotype is one op per α row.
     * @param chosen The genotype's op of every row.
     * @param candidates The space's candidate ops, in α's column order.
     * @param edgeName Names a row, for the error.
     * @param space The space, for the error.
     * @param <T> The op type.
     * @return One column per row.
     * @throws IllegalArgumentException naming the edge whose op is not a candidate.
     */
    public static <T> int[] columnsOf(List<T> chosen, List<T> candidates, IntFunction<String> edgeName, Object space) {
        int[] columns = new int[chosen.size()];
        for (int e = 0; e < columns.length; e++) {
            columns[e] = candidates.indexOf(chosen.get(e));
            if (columns[e] < 0) {
                throw new IllegalArgumentException("the genotype uses " + chosen.get(e) + " on edge " + edgeName.apply(e)
                        + ", which is not a candidate of " + space);
            }
        }
        return columns;
    }

    /**
     * The ops of the given α columns.
     * @param choices One column per row.
     * @param candidates The space's candidate ops, in α's column order.
     * @param <T> The op type.
     * @return One op per row.
     */
    public static <T> List<T> opsAt(int[] choices, List<T> candidates) {
        List<T> ops = new ArrayList<>(choices.length);
        for (int c : choices) {
            ops.add(candidates.get(c));
        }
        return ops;
    }
}
