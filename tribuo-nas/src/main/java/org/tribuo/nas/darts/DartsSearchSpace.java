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

import ai.djl.nn.Block;
import com.oracle.labs.mlrg.olcut.config.Config;

import org.tribuo.nas.nn.CellImplementation;
import org.tribuo.nas.space.CellSearchSpace;
import org.tribuo.nas.space.CostDecomposition;
import org.tribuo.nas.space.FinalRegularization;
import org.tribuo.nas.space.Genotype;
import org.tribuo.nas.space.NetworkSettings;
import org.tribuo.nas.space.SupernetSettings;
import org.tribuo.nas.util.InvalidSettingException;
import org.tribuo.nas.util.SettingChecks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The DARTS cell search space (name {@code darts}): a normal and a reduction cell of four nodes,
 * node i choosing two of states 0..i+1, each edge one of the candidate ops. α is [28, numOps]
 * (14 normal-cell edges, then 14 reduction-cell edges); with edge weights β is [28], one simplex
 * per node: sizes 2, 3, 4, 5, 2, 3, 4, 5.
 * <p>
 * The supernet is a {@link DartsSearchNetwork} (PC-DARTS partial channels with K =
 * {@link SupernetSettings#partialChannels()}), the network of a genotype a {@link DartsNetwork}.
 * <p>
 * Configured fields and their reference values (GAEA PC-DARTS): {@code ops} (empty: all eight,
 * {@code none} included), supernet C=16 with 8 cells and partial channels K=4 (which also turns
 * on the edge weights β; 1 turns both off), final network C=36 with 20 cells, auxiliary head
 * weight 0.4, drop-path 0.2 and cutout 16.
 */
public final class DartsSearchSpace extends CellSearchSpace<DartsOp> {

    /** The space's configuration name. */
    public static final String NAME = DartsGenotype.SPACE_NAME;

    private static final int[] EDGE_GROUPS = {2, 3, 4, 5, 2, 3, 4, 5};

    @Config(description = "Channels C of the supernet's first stage.")
    private int searchChannels = 16;
    @Config(description = "Cells of the supernet.")
    private int searchLayers = 8;
    @Config(description = "Partial channels K (PC-DARTS: ops run on C/K channels and each node weighs its incoming edges by β); 1 turns both off.")
    private int partialChannels = 4;
    @Config(description = "Channels C of the final network's first stage.")
    private int finalChannels = 36;
    @Config(description = "Cells of the final network.")
    private int finalLayers = 20;
    @Config(description = "Weight of the auxiliary head's loss in final training; 0 builds no auxiliary head.")
    private float auxiliaryWeight = 0.4f;
    @Config(description = "Drop-path probability reached at the end of final training.")
    private float dropPath = 0.2f;
    @Config(description = "Side in pixels of the cutout square in final training; 0 turns it off.")
    private int cutout = 16;

    /** For OLCUT. */
    private DartsSearchSpace() {
        super(DartsOp.class);
        postConfig();
    }

    /**
     * Creates a space with the given candidate ops, in α's column order.
     * @param ops The candidate ops: no duplicates, at least one other than {@code none}.
     * @throws IllegalArgumentException if the list is empty, has duplicates or only {@code none}.
     */
    public DartsSearchSpace(List<DartsOp> ops) {
        super(DartsOp.class, ops);
    }

    /**
     * A builder starting from the reference space.
     * @return The builder.
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected List<DartsOp> referenceOps() {
        return List.of(DartsOp.values());
    }

    @Override
    protected String family() {
        return "DARTS";
    }

    /** Some op other than {@code none}: a DARTS genotype picks its edges among them. */
    @Override
    protected void checkCandidates(List<DartsOp> checked) {
        if (chosenOps(checked).isEmpty()) {
            throw new IllegalArgumentException("the DARTS space needs an op other than none, got " + checked);
        }
    }

    private static List<DartsOp> chosenOps(List<DartsOp> candidates) {
        return candidates.stream().filter(op -> op != DartsOp.NONE).toList();
    }

    @Override
    protected void checkSettings() {
        SettingChecks.positive("searchChannels", searchChannels);
        SettingChecks.positive("searchLayers", searchLayers);
        SettingChecks.positive("partialChannels", partialChannels);
        SettingChecks.positive("finalChannels", finalChannels);
        SettingChecks.positive("finalLayers", finalLayers);
        SettingChecks.nonNegative("auxiliaryWeight", auxiliaryWeight);
        SettingChecks.fraction("dropPath", dropPath);
        SettingChecks.nonNegative("cutout", cutout);
        checkSupernet(supernetSettings());
        checkNetwork(networkSettings());
    }

    /**
     * The reference space of GAEA PC-DARTS: all eight ops, {@code none} included
     * ({@code exclude_zero=false}).
     * @return The space.
     */
    public static DartsSearchSpace reference() {
        return new DartsSearchSpace(List.of(DartsOp.values()));
    }

    /**
     * Parses a comma separated list of op names.
     * @param commaSeparated e.g. {@code "max_pool_3x3,skip_connect,sep_conv_3x3"}.
     * @return The space.
     * @throws IllegalArgumentException naming an unknown op, or on a duplicate or an empty list.
     */
    public static DartsSearchSpace parseOps(String commaSeparated) {
        return new DartsSearchSpace(DartsOp.parseList(commaSeparated));
    }

    @Override
    public SupernetSettings supernetSettings() {
        return new SupernetSettings(searchChannels, searchLayers, partialChannels, partialChannels > 1);
    }

    @Override
    public NetworkSettings networkSettings() {
        return new NetworkSettings(finalChannels, finalLayers, auxiliaryWeight > 0);
    }

    @Override
    public FinalRegularization finalRegularization() {
        return new FinalRegularization(auxiliaryWeight, dropPath, cutout);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int alphaRows() {
        return DartsCellLayout.ALPHA_ROWS;
    }

    @Override
    public int normalRows() {
        return DartsCellLayout.EDGES;
    }

    @Override
    public int[] edgeGroups() {
        return EDGE_GROUPS.clone();
    }

    @Override
    public void checkSupernet(SupernetSettings settings) {
        int c = settings.channels();
        int k = settings.partialChannels();
        if (c % k != 0) {
            throw InvalidSettingException.about("partialChannels", "partialChannels K=" + k + " must divide searchChannels C=" + c);
        }
        if ((c / k) % 2 != 0) {
            throw InvalidSettingException.about("partialChannels", "searchChannels C=" + c + " divided by partialChannels K=" + k + " is "
                    + (c / k) + ", which must be even: strided skip_connect edges are factorized reductions that split "
                    + "their channels in two");
        }
        if (settings.depth() < 3) {
            throw InvalidSettingException.about("searchLayers", "searchLayers must be at least 3 for the DARTS space (reduction cells at "
                    + "depth/3 and 2·depth/3), got " + settings.depth());
        }
    }

    @Override
    public void checkNetwork(NetworkSettings settings) {
        if (settings.depth() < 3) {
            throw InvalidSettingException.about("finalLayers", "finalLayers must be at least 3 for the DARTS space (reduction cells at "
                    + "depth/3 and 2·depth/3), got " + settings.depth());
        }
        if (settings.channels() % 2 != 0) {
            throw InvalidSettingException.about("finalChannels", "finalChannels must be even for the DARTS space (factorized reductions "
                    + "split the channels in two), got " + settings.channels());
        }
    }

    @Override
    public Block newSupernet(SupernetSettings settings, int numClasses) {
        return newSupernet(settings, numClasses, CellImplementation.FUSED);
    }

    /**
     * The supernet with a chosen cell implementation; {@link #newSupernet(SupernetSettings, int)}
     * uses {@link CellImplementation#FUSED}.
     * @param settings C, the number of cells, K and whether edges are weighted.
     * @param numClasses Number of classes.
     * @param cells {@link CellImplementation#FUSED} ({@link FusedDartsSearchCell}) or
     * {@link CellImplementation#PLAIN} ({@link DartsSearchCell}): the same function, different parameter layouts.
     * @return The supernet, uninitialized.
     */
    public DartsSearchNetwork newSupernet(SupernetSettings settings, int numClasses,
                                          CellImplementation cells) {
        checkSupernet(settings);
        return new DartsSearchNetwork(candidateOps(), settings, numClasses, cells);
    }

    @Override
    public DartsGenotype derive(float[][] alpha, float[] beta) {
        return DartsGenotype.derive(candidateOps(), alpha, beta);
    }

    /**
     * {@inheritDoc}
     * <p>
     * A cell keeps two of each node's incoming edges and never chooses {@code none}.
     */
    @Override
    public Optional<CostDecomposition> costDecomposition() {
        return Optional.of(new DartsCostDecomposition(candidateOps()));
    }

    @Override
    public DartsGenotype parseGenotype(String text) {
        return DartsGenotype.parse(text);
    }

    /**
     * A uniformly random genotype: each node reads two distinct states drawn uniformly from those
     * it may read, each pair's op is uniform over the candidate ops other than {@code none}; both
     * cells concatenate all four nodes.
     * @param rng The random source.
     * @return The genotype.
     */
    @Override
    public DartsGenotype randomGenotype(SplittableRandom rng) {
        return DartsGenotype.random(chosenOps(candidateOps()), rng);
    }

    @Override
    public Block newNetwork(Genotype genotype, NetworkSettings settings, int numClasses) {
        if (!(genotype instanceof DartsGenotype)) {
            throw new IllegalArgumentException("the DARTS space builds networks of DARTS genotypes, got a "
                    + (genotype == null ? "null" : genotype.spaceName()) + " genotype");
        }
        checkNetwork(settings);
        return new DartsNetwork((DartsGenotype) genotype, settings, numClasses);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DartsSearchSpace && ((DartsSearchSpace) o).candidateOps().equals(candidateOps());
    }

    @Override
    public int hashCode() {
        return candidateOps().hashCode();
    }

    /**
     * The edge of an α row: cell type, target node (state 2..5) and input state, e.g. {@code reduce 4<-1}.
     * @param row The α row (0..27).
     * @return The name.
     */
    @Override
    public String edgeName(int row) {
        return DartsCellLayout.edgeName(row);
    }

    @Override
    public String toString() {
        return "DARTS(" + String.join(",", ops()) + ")";
    }

    /**
     * Builds a {@link DartsSearchSpace}; unset values keep the reference.
     */
    public static final class Builder {
        private List<String> ops = new ArrayList<>();
        private int searchChannels = 16;
        private int searchLayers = 8;
        private int partialChannels = 4;
        private int finalChannels = 36;
        private int finalLayers = 20;
        private float auxiliaryWeight = 0.4f;
        private float dropPath = 0.2f;
        private int cutout = 16;

        private Builder() {}

        /** @param v Candidate op names (empty = all eight). @return this */
        public Builder ops(List<String> v) { ops = new ArrayList<>(v); return this; }
        /** @param c Supernet C. @param layers Supernet cells. @return this */
        public Builder searchNetwork(int c, int layers) { searchChannels = c; searchLayers = layers; return this; }
        /** @param k Partial channels K (1 = off, and no edge weights). @return this */
        public Builder partialChannels(int k) { partialChannels = k; return this; }
        /** @param c Final network C. @param layers Final network cells. @return this */
        public Builder finalNetwork(int c, int layers) { finalChannels = c; finalLayers = layers; return this; }
        /** @param aux Auxiliary loss weight (0 = no head). @param drop Drop-path probability. @param cut Cutout side (0 = off). @return this */
        public Builder finalRegularization(float aux, float drop, int cut) {
            auxiliaryWeight = aux;
            dropPath = drop;
            cutout = cut;
            return this;
        }

        /**
         * Validates and builds.
         * @return The space.
         * @throws IllegalArgumentException naming the first invalid setting.
         */
        public DartsSearchSpace build() {
            DartsSearchSpace space = new DartsSearchSpace();
            space.opNames(ops);
            space.searchChannels = searchChannels;
            space.searchLayers = searchLayers;
            space.partialChannels = partialChannels;
            space.finalChannels = finalChannels;
            space.finalLayers = finalLayers;
            space.auxiliaryWeight = auxiliaryWeight;
            space.dropPath = dropPath;
            space.cutout = cutout;
            space.applySettings();
            return space;
        }
    }
}
