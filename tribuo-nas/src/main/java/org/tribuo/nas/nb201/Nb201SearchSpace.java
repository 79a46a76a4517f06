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

package org.tribuo.nas.nb201;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.oracle.labs.mlrg.olcut.config.Config;

import org.tribuo.nas.nn.CellImplementation;
import org.tribuo.nas.nn.MemoryLayout;
import org.tribuo.nas.space.CellString;
import org.tribuo.nas.space.CompleteDagSpace;
import org.tribuo.nas.space.FinalRegularization;
import org.tribuo.nas.space.Genotype;
import org.tribuo.nas.space.NetworkSettings;
import org.tribuo.nas.space.SearchSpace;
import org.tribuo.nas.space.SupernetSettings;
import org.tribuo.nas.util.SettingChecks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The NAS-Bench-201 space as a {@link SearchSpace}: six edges in one cell shared by all 15 (3N)
 * cells of the supernet, so α is [6, numOps]; no edge weights, no partial channels, no auxiliary
 * head. Network depth is N, the cells per stage. The supernet uses the {@link CellImplementation#FUSED}
 * cell (the same function as the plain one with fewer, larger tensor ops; see docs/performance.md).
 * <p>
 * Configured fields and their reference values: {@code ops} (empty: every op but {@code none}),
 * supernet C=16 N=5, final network C=16 N=5, no cutout; the final network runs channels-last
 * ({@link MemoryLayout}), the supernet contiguous.
 */
public final class Nb201SearchSpace extends CompleteDagSpace<Nb201Op, Nb201Genotype> {

    /** The configuration name. */
    public static final String NAME = "nas-bench-201";
    /** The space's name in messages. */
    public static final String FAMILY = "NAS-Bench-201";

    @Config(description = "Channels C of the supernet's first stage.")
    private int searchChannels = 16;
    @Config(description = "Cells per stage N of the supernet.")
    private int searchCellsPerStage = 5;
    @Config(description = "Channels C of the final network's first stage.")
    private int finalChannels = 16;
    @Config(description = "Cells per stage N of the final network.")
    private int finalCellsPerStage = 5;
    @Config(description = "Side in pixels of the cutout square in final training; 0 turns it off.")
    private int cutout = 0;
    @Config(description = "Memory layout of the final network's activations: CHANNELS_LAST (faster on CPU) or "
            + "CONTIGUOUS (NCHW, as before this setting existed: the same function, other rounding).")
    private MemoryLayout finalMemoryLayout = MemoryLayout.CHANNELS_LAST;

    /** For OLCUT. */
    private Nb201SearchSpace() {
        super(Nb201Op.class, Nb201Space.NUM_NODES);
        postConfig();
    }

    /**
     * Creates the space over the given candidate ops, with the reference sizes.
     * @param ops The candidate ops.
     */
    public Nb201SearchSpace(Nb201Space ops) {
        super(Nb201Op.class, Nb201Space.NUM_NODES, Objects.requireNonNull(ops, "ops").ops());
    }

    /**
     * A builder starting from the reference space.
     * @return The builder.
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected List<Nb201Op> referenceOps() {
        return Nb201Space.withoutNone().ops();
    }

    @Override
    protected String family() {
        return FAMILY;
    }

    @Override
    protected void checkSettings() {
        SettingChecks.positive("searchChannels", searchChannels);
        SettingChecks.positive("searchCellsPerStage", searchCellsPerStage);
        SettingChecks.positive("finalChannels", finalChannels);
        SettingChecks.positive("finalCellsPerStage", finalCellsPerStage);
        SettingChecks.nonNegative("cutout", cutout);
    }

    /**
     * The candidate ops as the NAS-Bench-201 cell's op list.
     * @return The op list.
     */
    public Nb201Space cellOps() {
        return new Nb201Space(candidateOps());
    }

    @Override
    public SupernetSettings supernetSettings() {
        return SupernetSettings.plain(searchChannels, searchCellsPerStage);
    }

    @Override
    public NetworkSettings networkSettings() {
        return new NetworkSettings(finalChannels, finalCellsPerStage, false);
    }

    @Override
    public FinalRegularization finalRegularization() {
        return new FinalRegularization(0f, 0f, cutout);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Block newSupernet(SupernetSettings settings, int numClasses) {
        checkSupernet(settings);
        return Nb201Networks.supernet(cellOps(), settings.channels(), settings.depth(), numClasses,
                CellImplementation.FUSED);
    }

    @Override
    protected Nb201Genotype genotypeOf(List<Nb201Op> edgeOps) {
        return new Nb201Genotype(edgeOps);
    }

    @Override
    protected CellString<Nb201Op> cellString() {
        return Nb201Genotype.STRING;
    }

    @Override
    public Block newNetwork(Genotype genotype, NetworkSettings settings, int numClasses) {
        checkNetwork(settings);
        if (!(genotype instanceof Nb201Genotype)) {
            throw new IllegalArgumentException("a " + NAME + " network needs a NAS-Bench-201 genotype, got "
                    + genotype.spaceName() + " genotype " + genotype);
        }
        return Nb201Networks.discrete((Nb201Genotype) genotype, settings.channels(), settings.depth(), numClasses,
                finalMemoryLayout);
    }

    /**
     * {@inheritDoc}
     * <p>
     * Each α row is one edge of the cell, repeated in every cell of the three stages.
     */
    @Override
    public List<OpSite> opSites(NetworkSettings settings, Shape input) {
        checkNetwork(settings);
        Nb201Genotype any = new Nb201Genotype(java.util.Collections.nCopies(Nb201Space.NUM_EDGES, candidateOps().get(0)));
        List<OpSite> sites = new ArrayList<>();
        for (Shape cellInput : Nb201Networks.discrete(any, settings.channels(), settings.depth(), 2, finalMemoryLayout)
                .cellInputShapes(input)) {
            for (int e = 0; e < Nb201Space.NUM_EDGES; e++) {
                sites.add(new OpSite(e, cellInput));
            }
        }
        return sites;
    }

    @Override
    public Block newOp(int op, OpSite site) {
        Nb201Op candidate = candidateOps().get(op);
        return candidate == Nb201Op.NONE ? null : candidate.block(Math.toIntExact(site.input().get(1)), true);
    }

    @Override
    public String toString() {
        return cellOps().toString();
    }

    /**
     * Builds a {@link Nb201SearchSpace}; unset values keep the reference.
     */
    public static final class Builder {
        private final Nb201SearchSpace space = new Nb201SearchSpace();
        private List<String> ops = new ArrayList<>();

        private Builder() {}

        /** @param v Candidate op names (empty = every op but none). @return this */
        public Builder ops(List<String> v) { ops = new ArrayList<>(v); return this; }
        /** @param c Supernet C. @param n Supernet cells per stage N. @return this */
        public Builder searchNetwork(int c, int n) { space.searchChannels = c; space.searchCellsPerStage = n; return this; }
        /** @param c Final network C. @param n Final network cells per stage N. @return this */
        public Builder finalNetwork(int c, int n) { space.finalChannels = c; space.finalCellsPerStage = n; return this; }
        /** @param v Cutout side in pixels (0 = off). @return this */
        public Builder cutout(int v) { space.cutout = v; return this; }
        /** @param v Memory layout of the final network's activations. @return this */
        public Builder finalMemoryLayout(MemoryLayout v) { space.finalMemoryLayout = Objects.requireNonNull(v, "v"); return this; }

        /**
         * Validates and builds.
         * @return The space.
         * @throws IllegalArgumentException naming the first invalid setting.
         */
        public Nb201SearchSpace build() {
            Nb201SearchSpace out = new Nb201SearchSpace();
            out.opNames(ops);
            out.searchChannels = space.searchChannels;
            out.searchCellsPerStage = space.searchCellsPerStage;
            out.finalChannels = space.finalChannels;
            out.finalCellsPerStage = space.finalCellsPerStage;
            out.cutout = space.cutout;
            out.finalMemoryLayout = space.finalMemoryLayout;
            out.applySettings();
            return out;
        }
    }
}
