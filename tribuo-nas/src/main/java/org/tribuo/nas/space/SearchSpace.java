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

import com.oracle.labs.mlrg.olcut.config.Configurable;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenancable;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;

import ai.djl.nn.Block;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A cell search space: its candidate ops, the supernet a search trains, how a genotype is read
 * off the architecture weights, and the network a genotype defines.
 * <p>
 * <b>Architecture weights.</b> α is one matrix [{@link #alphaRows()}, ops().size()] whose rows
 * are simplices, one row per mixed edge over all cell types (DARTS: the 14 normal-cell edges, then
 * the 14 reduction-cell edges). When the supernet learns edge weights, β is one vector
 * [alphaRows] aligned with α's rows, split into the simplices of {@link #edgeGroups}: each
 * node's incoming edges.
 * <p>
 * <b>Supernet forward.</b> Inputs {@code [x, α]} or {@code [x, α, β]} (when
 * {@link SupernetSettings#edgeWeights()}); output {@code [logits]}. Mixed edges honour the
 * {@link OpSelection} the forward call carries in its params ({@link OpSelection#params()}), so
 * every block between the supernet and its mixed edges passes {@code params} down.
 * <p>
 * <b>Network forward.</b> Input {@code [x]}; output {@code [logits]}, or
 * {@code [logits, auxLogits]} in a training forward of a network with an auxiliary head.
 * <p>
 * Inputs are {@code [batch, channels, height, width]}; tabular spaces take feature vectors as
 * {@code [batch, features, 1, 1]} ({@link #inputKind()}).
 * <p>
 * <b>A configurable component.</b> A space is an OLCUT component of the {@code GaeaTrainer}: its
 * {@code @Config} fields (candidate ops, supernet and final network sizes, the final-training
 * regularization its networks support) carry the space's reference defaults, and its provenance
 * is saved in every model, so a space written outside tribuo-nas is named by class in a
 * configuration file and rebuilt when its models are loaded. Implementations need a no-argument
 * constructor (it may be private) and validate their fields in {@link #postConfig()}.
 */
public interface SearchSpace extends Configurable, Provenancable<ConfiguredObjectProvenance> {

    /**
     * The configuration name of the space, e.g. {@code nas-bench-201}, {@code darts}, {@code tabular}.
     * @return The name.
     */
    public String name();

    /**
     * The candidate ops of every edge, in α's column order.
     * @return The op names.
     */
    public List<String> ops();

    /**
     * The number of α rows: mixed edges over all cell types.
     * @return The row count.
     */
    public int alphaRows();

    /**
     * The α rows of the normal cell (the first rows), over which the mean edge entropy is reported.
     * @return The row count.
     */
    public int normalRows();

    /**
     * The β simplices: the number of incoming edges of each node, in α row order (DARTS: 2, 3, 4,
     * 5 for the normal cell, then again for the reduction cell).
     * @return The group sizes, summing to {@link #alphaRows()}.
     * @throws UnsupportedOperationException if the space has no edge weights.
     */
    public int[] edgeGroups();

    /**
     * Where this space's ops run in its final network, which a cost-aware search needs to cost
     * every candidate op.
     * @return The decomposition, or empty when the space cannot be costed op by op; by default
     * the space itself when it implements {@link CostDecomposition}.
     */
    public default Optional<CostDecomposition> costDecomposition() {
        return this instanceof CostDecomposition parts ? Optional.of(parts) : Optional.empty();
    }

    /**
     * Checks supernet settings fit this space.
     * @param settings The settings.
     * @throws IllegalArgumentException naming the option that does not fit (e.g. K that does not
     * divide C, edge weights in a space without them).
     */
    public void checkSupernet(SupernetSettings settings);

    /**
     * Checks final-network settings fit this space.
     * @param settings The settings.
     * @throws IllegalArgumentException naming the option that does not fit.
     */
    public void checkNetwork(NetworkSettings settings);

    /**
     * Creates the supernet, uninitialized. Initialize it with the shapes of x, α and (with edge
     * weights) β.
     * @param settings Sizes and options.
     * @param numClasses Number of classes.
     * @return The supernet.
     */
    public Block newSupernet(SupernetSettings settings, int numClasses);

    /**
     * Reads the genotype off the architecture weights.
     * @param alpha The α matrix [alphaRows][ops].
     * @param beta The β vector [alphaRows], or null when edges are not weighted (all 1).
     * @return The genotype.
     */
    public Genotype derive(float[][] alpha, float[] beta);

    /**
     * Parses a genotype's text form.
     * @param text The text.
     * @return The genotype.
     * @throws GenotypeFormatException naming the position and problem.
     */
    public Genotype parseGenotype(String text);

    /**
     * A genotype drawn uniformly at random (the random-search baseline).
     * @param rng The random source.
     * @return The genotype.
     */
    public Genotype randomGenotype(SplittableRandom rng);

    /**
     * Creates the network of a genotype, uninitialized; initialize it with the shape of x.
     * @param genotype A genotype of this space.
     * @param settings Sizes and options.
     * @param numClasses Number of classes.
     * @return The network; it implements {@link DropPathControl} if it supports drop-path.
     */
    public Block newNetwork(Genotype genotype, NetworkSettings settings, int numClasses);

    /**
     * A short name of an α row (edge) for tables, e.g. {@code 2<-1} or {@code reduce 3<-0}.
     * @param row The α row.
     * @return The edge's name.
     */
    public default String edgeName(int row) {
        return "#" + row;
    }

    /**
     * The supernet the search trains, from the space's configured sizes.
     * @return The settings.
     */
    public SupernetSettings supernetSettings();

    /**
     * The network a genotype is trained as, from the space's configured sizes.
     * @return The settings.
     */
    public NetworkSettings networkSettings();

    /**
     * The regularization of the final training this space's networks support.
     * @return The settings; {@link FinalRegularization#NONE} by default.
     */
    public default FinalRegularization finalRegularization() {
        return FinalRegularization.NONE;
    }

    /**
     * What the networks read.
     * @return {@link InputKind#IMAGES} by default.
     */
    public default InputKind inputKind() {
        return InputKind.IMAGES;
    }

    @Override
    public default ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "search-space");
    }
}
