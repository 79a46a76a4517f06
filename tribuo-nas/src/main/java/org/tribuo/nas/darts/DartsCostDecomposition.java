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

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.tribuo.nas.space.ChoiceRule;
import org.tribuo.nas.space.CostDecomposition;
import org.tribuo.nas.space.Genotype;
import org.tribuo.nas.space.NetworkSettings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where the ops of a DARTS genotype run in its {@link DartsNetwork}: every edge of the normal cell
 * in every normal cell, every edge of the reduction cell in both reduction cells, each at its
 * cell's channels and size (a reduction cell's edges from the two cell inputs at stride 2). A cell
 * keeps two of each node's incoming edges and never chooses {@code none}, so a cell's op choices
 * leave the other rows {@link ChoiceRule#UNUSED}; both cells must concatenate all four nodes
 * (the genotypes the DARTS derivation and random draws produce). The stem, the cells'
 * preprocessing, the node sums and the classifier are the fixed parts.
 */
final class DartsCostDecomposition implements CostDecomposition {

    private static final int[] NODE_INPUTS = {2, 3, 4, 5, 2, 3, 4, 5};

    private final List<DartsOp> ops;
    private final ChoiceRule rule;

    DartsCostDecomposition(List<DartsOp> ops) {
        this.ops = List.copyOf(ops);
        boolean[] choosable = new boolean[ops.size()];
        for (int k = 0; k < choosable.length; k++) {
            choosable[k] = ops.get(k) != DartsOp.NONE;
        }
        this.rule = new ChoiceRule(NODE_INPUTS, 2, choosable);
    }

    @Override
    public List<OpSite> opSites(NetworkSettings settings, Shape input) {
        long channels = settings.channels();
        long height = input.get(2);
        long width = input.get(3);
        List<OpSite> sites = new ArrayList<>();
        for (int cell = 0; cell < settings.depth(); cell++) {
            boolean reduction = DartsCellLayout.isReduction(cell, settings.depth());
            if (reduction) {
                channels *= 2;
            }
            Shape cellInput = new Shape(input.get(0), channels, height, width);
            Shape nodeState = DartsCellLayout.strided(cellInput, channels, reduction ? 2 : 1);
            for (int node = 0; node < DartsCellLayout.NODES; node++) {
                for (int state = 0; state < DartsCellLayout.inputsOf(node); state++) {
                    int row = DartsCellLayout.alphaRow(reduction, DartsCellLayout.firstEdge(node) + state);
                    sites.add(new OpSite(row, state < 2 ? cellInput : nodeState));
                }
            }
            height = nodeState.get(2);
            width = nodeState.get(3);
        }
        return sites;
    }

    @Override
    public Block newOp(int op, OpSite site) {
        DartsOp candidate = ops.get(op);
        boolean reduction = site.row() >= DartsCellLayout.EDGES;
        int stride = DartsCellLayout.stride(reduction, stateOf(site.row()));
        return candidate == DartsOp.NONE ? null : DartsOps.networkOp(candidate, Math.toIntExact(site.input().get(1)), stride);
    }

    @Override
    public ChoiceRule choiceRule() {
        return rule;
    }

    @Override
    public int[] opChoices(Genotype genotype) {
        if (!(genotype instanceof DartsGenotype cells)) {
            throw new IllegalArgumentException("the DARTS space costs DARTS genotypes, got a "
                    + (genotype == null ? "null" : genotype.spaceName()) + " genotype");
        }
        int[] choices = new int[DartsCellLayout.ALPHA_ROWS];
        Arrays.fill(choices, ChoiceRule.UNUSED);
        for (boolean reduction : new boolean[]{false, true}) {
            if (!cells.concat(reduction).equals(DartsGenotype.ALL_NODES)) {
                throw new IllegalArgumentException("the cost of a DARTS cell is decomposed for cells that concatenate all four "
                        + "nodes " + DartsGenotype.ALL_NODES + ", got " + cells.concat(reduction) + " in " + genotype);
            }
            List<DartsEdge> pairs = cells.cell(reduction);
            for (int p = 0; p < pairs.size(); p++) {
                DartsEdge edge = pairs.get(p);
                int row = DartsCellLayout.alphaRow(reduction, DartsCellLayout.firstEdge(p / 2) + edge.input());
                int column = ops.indexOf(edge.op());
                if (column < 0 || !rule.choosable(column)) {
                    throw new IllegalArgumentException("the genotype uses " + edge.op().opName() + " on edge "
                            + DartsCellLayout.edgeName(row) + ", which is not a candidate of " + ops);
                }
                if (choices[row] != ChoiceRule.UNUSED) {
                    throw new IllegalArgumentException("edge " + DartsCellLayout.edgeName(row) + " appears twice in " + genotype);
                }
                choices[row] = column;
            }
        }
        return choices;
    }

    @Override
    public DartsGenotype genotype(int[] choices) {
        rule.check(choices);
        return new DartsGenotype(cell(choices, false), cell(choices, true));
    }

    private List<DartsEdge> cell(int[] choices, boolean reduction) {
        List<DartsEdge> pairs = new ArrayList<>(DartsCellLayout.PAIRS);
        for (int node = 0; node < DartsCellLayout.NODES; node++) {
            for (int state = 0; state < DartsCellLayout.inputsOf(node); state++) {
                int column = choices[DartsCellLayout.alphaRow(reduction, DartsCellLayout.firstEdge(node) + state)];
                if (column != ChoiceRule.UNUSED) {
                    pairs.add(new DartsEdge(ops.get(column), state));
                }
            }
        }
        return pairs;
    }

    /** The state an α row's edge reads. */
    private static int stateOf(int row) {
        int edge = row % DartsCellLayout.EDGES;
        int node = DartsCellLayout.NODES - 1;
        while (DartsCellLayout.firstEdge(node) > edge) {
            node--;
        }
        return edge - DartsCellLayout.firstEdge(node);
    }
}
