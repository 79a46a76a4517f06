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

import org.tribuo.nas.util.InvalidSettingException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A cell space whose one cell is a {@link CompleteDag}, shared by every cell of the network, and
 * whose genotype is one op per edge (NAS-Bench-201, tabular): α is [edges, ops], there are no edge
 * weights, no partial channels and no auxiliary head. It owns what follows from that: α's shape,
 * the refusal of the DARTS-only settings, edge names, random genotypes and the genotype ↔ α-column
 * mapping of a cost-aware search, reading genotypes. A subclass makes its genotype from edge ops
 * and names its string form.
 *
 * @param <O> The space's op enum.
 * @param <G> The space's genotype.
 */
public abstract class CompleteDagSpace<O extends Enum<O> & CandidateOp, G extends Genotype> extends CellSearchSpace<O>
        implements CostDecomposition {

    private final int edges;

    /**
     * A space whose candidates come from the {@code ops} setting.
     * @param opType The op enum.
     * @param nodes The cell's nodes, input and output included.
     */
    protected CompleteDagSpace(Class<O> opType, int nodes) {
        super(opType);
        this.edges = CompleteDag.edges(nodes);
    }

    /**
     * A space over the given candidates.
     * @param opType The op enum.
     * @param nodes The cell's nodes, input and output included.
     * @param candidates The candidate ops, in α's column order.
     */
    protected CompleteDagSpace(Class<O> opType, int nodes, List<O> candidates) {
        super(opType, candidates);
        this.edges = CompleteDag.edges(nodes);
    }

    /**
     * The genotype of the given edge ops.
     * @param edgeOps One op per edge, in edge index order.
     * @return The genotype.
     */
    protected abstract G genotypeOf(List<O> edgeOps);

    /**
     * The string form of this space's cells.
     * @return The codec.
     */
    protected abstract CellString<O> cellString();

    /**
     * {@inheritDoc}
     * <p>
     * The NAS-Bench-201 form {@code |op~0|+|op~0|op~1|+…|} ({@link CellString}). Any op of the
     * space's enum is accepted, also one outside the candidate list: the network of a genotype
     * does not depend on the candidates.
     */
    @Override
    public G parseGenotype(String text) {
        return genotypeOf(cellString().parse(text));
    }

    @Override
    public int alphaRows() {
        return edges;
    }

    @Override
    public int normalRows() {
        return edges;
    }

    /**
     * Not supported: these spaces have no edge weights.
     * @return Never.
     * @throws UnsupportedOperationException always.
     */
    @Override
    public int[] edgeGroups() {
        throw new UnsupportedOperationException("the " + family() + " space has no edge weights (edgeWeights applies to the "
                + "darts space only)");
    }

    /**
     * {@inheritDoc}
     * @throws InvalidSettingException if {@code partialChannels != 1} or {@code edgeWeights} is
     * set: both apply to the darts space only.
     */
    @Override
    public void checkSupernet(SupernetSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (settings.partialChannels() != 1) {
            throw InvalidSettingException.about("partialChannels", "partialChannels=" + settings.partialChannels()
                    + " applies to the darts space only; the " + family() + " space runs every op on all channels (use "
                    + "partialChannels=1)");
        }
        if (settings.edgeWeights()) {
            throw InvalidSettingException.about("edgeWeights", "edgeWeights applies to the darts space only; the " + family()
                    + " space has no edge weights (set edgeWeights=false)");
        }
    }

    /**
     * {@inheritDoc}
     * @throws InvalidSettingException if the settings ask for an auxiliary head (a positive
     * {@code auxiliaryWeight}), which applies to the darts space only.
     */
    @Override
    public void checkNetwork(NetworkSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (settings.auxiliaryHead()) {
            throw InvalidSettingException.about("auxiliaryWeight", "auxiliaryWeight > 0 (an auxiliary head) applies to the darts "
                    + "space only; the " + family() + " network has no auxiliary head (set auxiliaryWeight=0)");
        }
    }

    /**
     * {@inheritDoc}
     * <p>
     * The argmax op of every edge, the first one on ties.
     * @param beta Must be null: these spaces have no edge weights.
     * @throws IllegalArgumentException if α is not [edges][numOps] of finite values, or β is given.
     */
    @Override
    public G derive(float[][] alpha, float[] beta) {
        Objects.requireNonNull(alpha, "alpha");
        if (beta != null) {
            throw new IllegalArgumentException("the " + family() + " space has no edge weights β (edgeWeights applies to the "
                    + "darts space only)");
        }
        if (alpha.length != edges) {
            throw new IllegalArgumentException("expected " + edges + " rows of architecture weights, got " + alpha.length);
        }
        List<O> chosen = new ArrayList<>(edges);
        for (int e = 0; e < edges; e++) {
            float[] row = alpha[e];
            if (row == null || row.length != numOps()) {
                throw new IllegalArgumentException("expected " + numOps() + " architecture weights in row " + e + ", got "
                        + (row == null ? "null" : Integer.toString(row.length)));
            }
            int best = 0;
            for (int k = 0; k < row.length; k++) {
                if (!Float.isFinite(row[k])) {
                    throw new IllegalArgumentException("architecture weight [" + e + "][" + k + "] is not finite: " + row[k]);
                }
                if (row[k] > row[best]) {
                    best = k;
                }
            }
            chosen.add(candidateOps().get(best));
        }
        return genotypeOf(chosen);
    }

    /**
     * {@inheritDoc}
     * <p>
     * Each edge's op is drawn independently and uniformly from the candidate ops.
     */
    @Override
    public G randomGenotype(SplittableRandom rng) {
        Objects.requireNonNull(rng, "rng");
        List<O> chosen = new ArrayList<>(edges);
        for (int e = 0; e < edges; e++) {
            chosen.add(candidateOps().get(rng.nextInt(numOps())));
        }
        return genotypeOf(chosen);
    }

    /**
     * The edge {@code to<-from} of an α row, e.g. {@code 2<-1}.
     * @param row The α row.
     * @return The name.
     */
    @Override
    public String edgeName(int row) {
        return CompleteDag.to(row) + "<-" + CompleteDag.from(row);
    }

    /**
     * {@inheritDoc}
     * <p>
     * A cell of a complete DAG uses every edge and may choose any candidate.
     */
    @Override
    public ChoiceRule choiceRule() {
        return ChoiceRule.everyRow(alphaRows(), numOps());
    }

    @Override
    public int[] opChoices(Genotype genotype) {
        return CostDecomposition.columnsOf(cellString().parse(genotype.toString()), candidateOps(), this::edgeName, this);
    }

    @Override
    public G genotype(int[] choices) {
        return genotypeOf(CostDecomposition.opsAt(choices, candidateOps()));
    }
}
