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

import ai.djl.nn.Block;

import org.tribuo.nas.nn.CellImplementation;
import org.tribuo.nas.nn.MemoryLayout;
import org.tribuo.nas.space.OpSelection;

/**
 * Builds the two networks of a NAS-Bench-201 search: the weight-sharing supernet and the
 * network of one genotype.
 */
public final class Nb201Networks {

    private Nb201Networks() {}

    /**
     * The supernet with the plain cell; each forward call may carry an {@link OpSelection} (GDAS
     * samples one op per edge through it).
     * @param space The candidate ops.
     * @param channels C.
     * @param cellsPerStage N.
     * @param numClasses Number of classes.
     * @return The supernet, uninitialized.
     */
    public static Nb201Network supernet(Nb201Space space, int channels, int cellsPerStage, int numClasses) {
        return supernet(space, channels, cellsPerStage, numClasses, CellImplementation.PLAIN);
    }

    /**
     * The supernet with a chosen cell implementation.
     * @param space The candidate ops.
     * @param channels C.
     * @param cellsPerStage N.
     * @param numClasses Number of classes.
     * @param cells {@link CellImplementation#PLAIN} ({@link SearchCell}) or
     * {@link CellImplementation#FUSED} ({@link FusedSearchCell}): the same function, different
     * speed and parameter layout.
     * @return The supernet, uninitialized.
     */
    public static Nb201Network supernet(Nb201Space space, int channels, int cellsPerStage, int numClasses, CellImplementation cells) {
        return new Nb201Network(channels, cellsPerStage, numClasses, c -> searchCell(cells, space, c));
    }

    /**
     * The network of one genotype, to train from scratch.
     * @param genotype The cell.
     * @param channels C.
     * @param cellsPerStage N.
     * @param numClasses Number of classes.
     * @param layout The memory layout of the activations.
     * @return The network, uninitialized.
     */
    public static Nb201Network discrete(Nb201Genotype genotype, int channels, int cellsPerStage, int numClasses,
                                        MemoryLayout layout) {
        return new Nb201Network(channels, cellsPerStage, numClasses, c -> new DiscreteCell(genotype, c), layout);
    }

    /**
     * One search cell of the given implementation.
     * @param implementation Plain (edge by edge) or fused.
     * @param space The candidate ops.
     * @param channels Channels in and out.
     * @return The cell block.
     */
    public static Block searchCell(CellImplementation implementation, Nb201Space space, int channels) {
        return implementation == CellImplementation.FUSED ? new FusedSearchCell(space, channels)
                : new SearchCell(space, channels);
    }
}
