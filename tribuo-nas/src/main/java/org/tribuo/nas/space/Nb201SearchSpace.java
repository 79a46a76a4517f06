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

import ai.djl.nn.Block;

import org.tribuo.nas.supernet.CellImplementation;
import org.tribuo.nas.supernet.Nb201Networks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The NAS-Bench-201 space as a {@link SearchSpace}: six edges in one cell shared by all 15 (3N)
 * cells of the supernet, so α is [6, numOps]; no edge weights, no partial channels, no auxiliary
 * head. Network depth is N, the cells per stage. The supernet uses the {@link CellImplementation#FUSED}
 * cell (the same function as the plain one with fewer, larger tensor ops; see docs/performance.md).
 */
public final class Nb201SearchSpace implements SearchSpace {

    /** The configuration name. */
    public static final String NAME = "nas-bench-201";

    private final Nb201Space ops;

    /**
     * Creates the space over the given candidate ops.
     * @param ops The candidate ops.
     */
    public Nb201SearchSpace(Nb201Space ops) {
        this.ops = Objects.requireNonNull(ops, "ops");
    }

    /**
     * The candidate ops.
     * @return The op list.
     */
    public Nb201Space candidateOps() {
        return ops;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> ops() {
        List<String> names = new ArrayList<>();
        for (Nb201Op op : ops.ops()) {
            names.add(op.opName());
        }
        return names;
    }

    @Override
    public int alphaRows() {
        return Nb201Space.NUM_EDGES;
    }

    @Override
    public int normalRows() {
        return Nb201Space.NUM_EDGES;
    }

    @Override
    public int[] edgeGroups() {
        throw new UnsupportedOperationException("the NAS-Bench-201 space has no edge weights");
    }

    @Override
    public void checkSupernet(SupernetSettings settings) {
        if (settings.partialChannels() != 1) {
            throw new IllegalArgumentException("partialChannels applies to the darts space only; the " + NAME
                    + " space needs 1, got " + settings.partialChannels());
        }
        if (settings.edgeWeights()) {
            throw new IllegalArgumentException("edge weights apply to the darts space only");
        }
    }

    @Override
    public void checkNetwork(NetworkSettings settings) {
        if (settings.auxiliaryHead()) {
            throw new IllegalArgumentException("auxiliaryWeight applies to the darts space only; the " + NAME
                    + " network has no auxiliary head");
        }
    }

    @Override
    public Block newSupernet(SupernetSettings settings, int numClasses, OpSelection selection) {
        checkSupernet(settings);
        return Nb201Networks.supernet(ops, settings.channels(), settings.depth(), numClasses, selection,
                CellImplementation.FUSED);
    }

    @Override
    public Genotype derive(float[][] alpha, float[] beta) {
        return Nb201Genotype.argmax(ops, alpha);
    }

    @Override
    public Genotype parseGenotype(String text) {
        return Nb201Genotype.parse(text);
    }

    @Override
    public Genotype randomGenotype(SplittableRandom rng) {
        List<Nb201Op> edgeOps = new ArrayList<>();
        for (int e = 0; e < Nb201Space.NUM_EDGES; e++) {
            edgeOps.add(ops.ops().get(rng.nextInt(ops.numOps())));
        }
        return new Nb201Genotype(edgeOps);
    }

    @Override
    public Block newNetwork(Genotype genotype, NetworkSettings settings, int numClasses) {
        checkNetwork(settings);
        if (!(genotype instanceof Nb201Genotype)) {
            throw new IllegalArgumentException("a " + NAME + " network needs a NAS-Bench-201 genotype, got "
                    + genotype.spaceName() + " genotype " + genotype);
        }
        return Nb201Networks.discrete((Nb201Genotype) genotype, settings.channels(), settings.depth(), numClasses);
    }

    @Override
    public String edgeName(int row) {
        return Nb201Space.edgeTo(row) + "<-" + Nb201Space.edgeFrom(row);
    }

    @Override
    public String toString() {
        return ops.toString();
    }
}
