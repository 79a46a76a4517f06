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
package org.tribuo.nas.examples.space;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;

import ai.djl.nn.Block;

import org.tribuo.nas.nn.MixedOp;
import org.tribuo.nas.space.FinalRegularization;
import org.tribuo.nas.space.Genotype;
import org.tribuo.nas.space.NetworkSettings;
import org.tribuo.nas.space.SearchSpace;
import org.tribuo.nas.space.SupernetSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A search space written outside tribuo-nas, as a user would: a chain cell of three nodes and
 * three edges ({@code 1<-0}, {@code 2<-0}, {@code 2<-1}) whose candidate ops ({@link ChainOp}: 5x5
 * and dilated 3x3 convolutions, 3x3 max pooling, identity, zero) none of the built-in spaces
 * has, in a network that keeps the full resolution. It implements {@link SearchSpace} with the
 * public API only: configured fields, a supernet of tribuo-nas {@link MixedOp} edges, the
 * argmax genotype and its network. Name it by class in a configuration file:
 * <pre>{@code
 * <component name="space" type="org.tribuo.nas.examples.space.ChainCellSpace">
 *     <property name="channels" value="16"/>
 * </component>
 * }</pre>
 * and tribuo-nas searches it, trains the found cell, saves, loads, describes and reproduces the
 * model ({@code ChainCellSpaceEndToEndTest}); the jar with this class must be on the classpath
 * when a model of it is loaded.
 */
public final class ChainCellSpace implements SearchSpace {

    /** The space's name. */
    public static final String NAME = "chain-cell";
    /** Edges of a cell: one α row each. */
    public static final int EDGES = 3;

    private static final int[] EDGE_FROM = {0, 0, 1};
    private static final int[] EDGE_TO = {1, 2, 2};

    @Config(description = "Candidate ops of every edge, in α's column order; empty means all five.")
    private List<String> ops = new ArrayList<>();
    @Config(description = "Channels C of the cells, supernet and final network alike.")
    private int channels = 16;
    @Config(description = "Cells of the supernet.")
    private int searchCells = 2;
    @Config(description = "Cells of the final network.")
    private int finalCells = 3;

    private List<ChainOp> candidates;

    /** For OLCUT; the reference space. */
    public ChainCellSpace() {
        postConfig();
    }

    @Override
    public void postConfig() {
        List<ChainOp> parsed = new ArrayList<>();
        try {
            for (String name : ops.isEmpty() ? allNames() : ops) {
                parsed.add(ChainOp.fromName(name.trim()));
            }
        } catch (IllegalArgumentException e) {
            throw new PropertyException("", "ops", e.getMessage());
        }
        if (parsed.stream().allMatch(op -> op == ChainOp.ZERO)) {
            throw new PropertyException("", "ops", "needs an op other than zero, got " + ops);
        }
        if (channels <= 0 || searchCells <= 0 || finalCells <= 0) {
            throw new PropertyException("", "channels", "channels, searchCells and finalCells must be positive, got "
                    + channels + ", " + searchCells + ", " + finalCells);
        }
        candidates = List.copyOf(parsed);
    }

    private static List<String> allNames() {
        List<String> names = new ArrayList<>();
        for (ChainOp op : ChainOp.values()) {
            names.add(op.opName());
        }
        return names;
    }

    static int edgeFrom(int edge) {
        return EDGE_FROM[edge];
    }

    static int edgeTo(int edge) {
        return EDGE_TO[edge];
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> ops() {
        List<String> names = new ArrayList<>();
        for (ChainOp op : candidates) {
            names.add(op.opName());
        }
        return names;
    }

    @Override
    public int alphaRows() {
        return EDGES;
    }

    @Override
    public int normalRows() {
        return EDGES;
    }

    @Override
    public int[] edgeGroups() {
        throw new UnsupportedOperationException("the chain-cell space has no edge weights");
    }

    @Override
    public SupernetSettings supernetSettings() {
        return SupernetSettings.plain(channels, searchCells);
    }

    @Override
    public NetworkSettings networkSettings() {
        return new NetworkSettings(channels, finalCells, false);
    }

    @Override
    public FinalRegularization finalRegularization() {
        return FinalRegularization.NONE;
    }

    @Override
    public void checkSupernet(SupernetSettings settings) {
        if (settings.partialChannels() != 1 || settings.edgeWeights()) {
            throw new IllegalArgumentException("the chain-cell space has no partial channels or edge weights");
        }
    }

    @Override
    public void checkNetwork(NetworkSettings settings) {
        if (settings.auxiliaryHead()) {
            throw new IllegalArgumentException("the chain-cell network has no auxiliary head");
        }
    }

    @Override
    public Block newSupernet(SupernetSettings settings, int numClasses) {
        checkSupernet(settings);
        return new ChainNetwork(settings.channels(), settings.depth(), numClasses,
                c -> new ChainCell(e -> mixedEdge(c, e), true));
    }

    private MixedOp mixedEdge(int channels, int row) {
        List<Block> blocks = new ArrayList<>();
        for (ChainOp op : candidates) {
            blocks.add(op.block(channels, false));
        }
        return new MixedOp(ops(), blocks, row);
    }

    @Override
    public Genotype derive(float[][] alpha, float[] beta) {
        List<ChainOp> chosen = new ArrayList<>();
        for (float[] row : alpha) {
            int best = -1;
            for (int k = 0; k < row.length; k++) {
                if (candidates.get(k) != ChainOp.ZERO && (best < 0 || row[k] > row[best])) {
                    best = k;
                }
            }
            chosen.add(candidates.get(best));
        }
        return new ChainGenotype(chosen);
    }

    @Override
    public Genotype parseGenotype(String text) {
        return ChainGenotype.parse(text);
    }

    @Override
    public Genotype randomGenotype(SplittableRandom rng) {
        List<ChainOp> chosen = new ArrayList<>();
        for (int e = 0; e < EDGES; e++) {
            chosen.add(candidates.get(rng.nextInt(candidates.size())));
        }
        return new ChainGenotype(chosen);
    }

    @Override
    public Block newNetwork(Genotype genotype, NetworkSettings settings, int numClasses) {
        if (!(genotype instanceof ChainGenotype cell)) {
            throw new IllegalArgumentException("the chain-cell space builds networks of chain-cell genotypes, got " + genotype);
        }
        checkNetwork(settings);
        return new ChainNetwork(settings.channels(), settings.depth(), numClasses,
                c -> new ChainCell(e -> cell.ops().get(e).block(c, true), false));
    }

    @Override
    public String edgeName(int row) {
        return edgeTo(row) + "<-" + edgeFrom(row);
    }

    @Override
    public String toString() {
        return "chain-cell(" + String.join(",", ops()) + ")";
    }
}
