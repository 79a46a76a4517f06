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

package org.tribuo.nas.tabular;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.oracle.labs.mlrg.olcut.config.Config;

import org.tribuo.nas.space.CellString;
import org.tribuo.nas.space.CompleteDagSpace;
import org.tribuo.nas.space.Genotype;
import org.tribuo.nas.space.InputKind;
import org.tribuo.nas.space.NetworkSettings;
import org.tribuo.nas.space.OpSelection;
import org.tribuo.nas.space.SupernetSettings;
import org.tribuo.nas.util.SettingChecks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The tabular cell search space ({@code tabular}), for dense feature vectors such as CSV or
 * columnar data, given to the networks as {@code [batch, features, 1, 1]}.
 * <p>
 * <b>Cell.</b> A complete DAG over four nodes, as in NAS-Bench-201: node 0 is the cell input,
 * {@code node_i = Σ_{j<i} edge_{i<-j}(node_j)}, and node 3 is the cell output; six edges, indexed
 * {@code 1<-0, 2<-0, 2<-1, 3<-0, 3<-1, 3<-2}. Each edge chooses one {@link TabularOp}; every op
 * maps width W to W. There is one cell type: one α matrix [6, numOps] is shared by all cells.
 * There are no reduction cells, since a feature vector has no spatial dimension to reduce.
 * <p>
 * <b>Network.</b> Flatten [B, d, 1, 1] to [B, d], Linear d→W, batch norm, ReLU, then
 * {@code depth} cells at width W ({@link SupernetSettings#channels()} or
 * {@link NetworkSettings#channels()} is W), batch norm, ReLU and Linear W→classes. In the
 * supernet every edge is a mixed op {@code Σ_k α_k·op_k(x)} ({@code none} skipped) with
 * non-affine batch norms, honouring the {@link OpSelection}; in the network of a genotype every
 * edge is its fixed op with affine batch norms.
 * <p>
 * <b>Not supported</b> (they belong to the DARTS space): partial channels, edge weights β,
 * auxiliary heads and drop-path.
 * <p>
 * Configured fields and their reference values: {@code ops} (empty: skip_connect, dense,
 * dense_bottleneck, dense_dropout), supernet width W=64 with 2 cells, final network W=64 with 2
 * cells.
 */
public final class TabularSearchSpace extends CompleteDagSpace<TabularOp, TabularGenotype> {

    /** The configuration name of this space. */
    public static final String NAME = "tabular";

    @Config(description = "Width W of the supernet's hidden vectors.")
    private int searchChannels = 64;
    @Config(description = "Cells of the supernet.")
    private int searchLayers = 2;
    @Config(description = "Width W of the final network's hidden vectors.")
    private int finalChannels = 64;
    @Config(description = "Cells of the final network.")
    private int finalLayers = 2;

    /** For OLCUT. */
    private TabularSearchSpace() {
        super(TabularOp.class, TabularCellLayout.NODES);
        postConfig();
    }

    /**
     * Creates a space with the given candidate ops, in the given order (α's columns).
     * @param ops The candidate ops: at least one, no duplicates.
     * @throws IllegalArgumentException if the list is empty or has duplicates.
     */
    public TabularSearchSpace(List<TabularOp> ops) {
        super(TabularOp.class, TabularCellLayout.NODES, ops);
    }

    /**
     * A builder starting from the reference space.
     * @return The builder.
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected List<TabularOp> referenceOps() {
        return reference().candidateOps();
    }

    @Override
    protected String family() {
        return NAME;
    }

    @Override
    protected void checkSettings() {
        SettingChecks.positive("searchChannels", searchChannels);
        SettingChecks.positive("searchLayers", searchLayers);
        SettingChecks.positive("finalChannels", finalChannels);
        SettingChecks.positive("finalLayers", finalLayers);
    }

    @Override
    public SupernetSettings supernetSettings() {
        return SupernetSettings.plain(searchChannels, searchLayers);
    }

    @Override
    public NetworkSettings networkSettings() {
        return new NetworkSettings(finalChannels, finalLayers, false);
    }

    @Override
    public InputKind inputKind() {
        return InputKind.FEATURE_VECTORS;
    }

    /**
     * The reference space: every op except {@code none} ({@code skip_connect, dense,
     * dense_bottleneck, dense_dropout}), as GAEA's NAS-Bench-201 reference excludes the zero op.
     * @return The default space.
     */
    public static TabularSearchSpace reference() {
        return new TabularSearchSpace(List.of(TabularOp.SKIP_CONNECT, TabularOp.DENSE,
                TabularOp.DENSE_BOTTLENECK, TabularOp.DENSE_DROPOUT));
    }

    /**
     * Every op, {@code none} included.
     * @return The full space.
     */
    public static TabularSearchSpace full() {
        return new TabularSearchSpace(List.of(TabularOp.values()));
    }

    /**
     * Parses a comma separated list of op names.
     * @param names e.g. {@code "skip_connect,dense,dense_bottleneck"}.
     * @return The space.
     * @throws IllegalArgumentException on an unknown name (the message lists the valid ones), a
     * duplicate or an empty list.
     */
    public static TabularSearchSpace parseOps(String names) {
        return new TabularSearchSpace(TabularOp.parseList(names));
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * {@inheritDoc}
     * <p>
     * The supernet's forward inputs are {@code [x, α]} with x [B, d, 1, 1] and α [6, numOps].
     * @throws IllegalArgumentException if the settings do not fit (see {@link #checkSupernet}).
     */
    @Override
    public Block newSupernet(SupernetSettings settings, int numClasses) {
        checkSupernet(settings);
        return new TabularNetwork(settings.channels(), settings.depth(), numClasses,
                w -> new TabularSearchCell(candidateOps(), w));
    }

    @Override
    protected TabularGenotype genotypeOf(List<TabularOp> edgeOps) {
        return new TabularGenotype(edgeOps);
    }

    @Override
    protected CellString<TabularOp> cellString() {
        return TabularGenotype.STRING;
    }

    /**
     * {@inheritDoc}
     * <p>
     * The network does not support drop-path (it does not implement
     * {@link org.tribuo.nas.space.DropPathControl}).
     * @throws IllegalArgumentException if the genotype is not a tabular one or the settings do
     * not fit (see {@link #checkNetwork}).
     */
    @Override
    public Block newNetwork(Genotype genotype, NetworkSettings settings, int numClasses) {
        Objects.requireNonNull(genotype, "genotype");
        checkNetwork(settings);
        if (!(genotype instanceof TabularGenotype)) {
            throw new IllegalArgumentException("the tabular space builds networks of tabular genotypes, got a genotype of the '"
                    + genotype.spaceName() + "' space: " + genotype);
        }
        TabularGenotype cell = (TabularGenotype) genotype;
        return new TabularNetwork(settings.channels(), settings.depth(), numClasses,
                w -> new TabularDiscreteCell(cell, w));
    }

    /**
     * The ops joined by commas, as accepted by {@link #parseOps(String)}.
     * @return The op list string.
     */
    public String opsString() {
        return String.join(",", ops());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TabularSearchSpace && ((TabularSearchSpace) o).candidateOps().equals(candidateOps());
    }

    @Override
    public int hashCode() {
        return candidateOps().hashCode();
    }

    @Override
    public String toString() {
        return "tabular(" + opsString() + ")";
    }

    /**
     * Builds a {@link TabularSearchSpace}; unset values keep the reference.
     */
    public static final class Builder {
        private List<String> ops = new ArrayList<>();
        private int searchChannels = 64;
        private int searchLayers = 2;
        private int finalChannels = 64;
        private int finalLayers = 2;

        private Builder() {}

        /** @param v Candidate op names (empty = the reference four). @return this */
        public Builder ops(List<String> v) { ops = new ArrayList<>(v); return this; }
        /** @param width Supernet width W. @param layers Supernet cells. @return this */
        public Builder searchNetwork(int width, int layers) { searchChannels = width; searchLayers = layers; return this; }
        /** @param width Final network width W. @param layers Final network cells. @return this */
        public Builder finalNetwork(int width, int layers) { finalChannels = width; finalLayers = layers; return this; }

        /**
         * Validates and builds.
         * @return The space.
         * @throws IllegalArgumentException naming the first invalid setting.
         */
        public TabularSearchSpace build() {
            TabularSearchSpace space = new TabularSearchSpace();
            space.opNames(ops);
            space.searchChannels = searchChannels;
            space.searchLayers = searchLayers;
            space.finalChannels = finalChannels;
            space.finalLayers = finalLayers;
            space.applySettings();
            return space;
        }
    }

    /**
     * {@inheritDoc}
     * <p>
     * Each α row is one edge of the cell, repeated in every cell; every edge reads a [B, W]
     * hidden vector.
     */
    @Override
    public List<OpSite> opSites(NetworkSettings settings, Shape input) {
        checkNetwork(settings);
        Shape hidden = new Shape(input.get(0), settings.channels());
        List<OpSite> sites = new ArrayList<>();
        for (int cell = 0; cell < settings.depth(); cell++) {
            for (int e = 0; e < TabularCellLayout.EDGES; e++) {
                sites.add(new OpSite(e, hidden));
            }
        }
        return sites;
    }

    @Override
    public Block newOp(int op, OpSite site) {
        TabularOp candidate = candidateOps().get(op);
        return candidate == TabularOp.NONE ? null : TabularLayers.op(candidate, Math.toIntExact(site.input().get(1)), true);
    }
}
