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

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

/**
 * The topology shared by DARTS search and discrete cells: two input states, then four nodes,
 * node i (0..3) reading states 0..i+1; and where the reduction cells of a network sit.
 * <p>
 * The 14 edges of a cell are numbered node by node (node i's first edge is 0, 2, 5, 9), and α has
 * the 14 normal-cell rows followed by the 14 reduction-cell rows.
 */
public final class DartsCellLayout {

    /** Intermediate nodes of a cell. */
    public static final int NODES = 4;
    /** Mixed edges of a cell: 2 + 3 + 4 + 5. */
    public static final int EDGES = 14;
    /** α rows: the edges of the normal cell, then those of the reduction cell. */
    public static final int ALPHA_ROWS = 2 * EDGES;
    /** Number of (op, input) pairs of a discrete cell: two per node. */
    public static final int PAIRS = 2 * NODES;

    private DartsCellLayout() {}

    /**
     * The first edge (within a cell) of a node.
     * @param node The node, 0..3.
     * @return 0, 2, 5 or 9.
     */
    public static int firstEdge(int node) {
        return node * (node + 3) / 2;
    }

    /**
     * The output shape of a search cell: its four nodes concatenated, at the cell's stride.
     * @param input1 The shape of the cell's second input (the previous cell's output).
     * @param channels The channels of a node.
     * @param reduction Whether the cell is a reduction cell.
     * @return The shape.
     */
    static Shape cellOutput(Shape input1, int channels, boolean reduction) {
        return strided(input1, (long) NODES * channels, reduction ? 2 : 1);
    }

    /**
     * Initializes a cell's two preprocessing blocks and checks that they bring both inputs
     * to one shape.
     * @param preprocess0 The block of the first input.
     * @param preprocess1 The block of the second input.
     * @param manager The parameters' manager.
     * @param dataType Their data type.
     * @param inputShapes The cell's input shapes (both states first).
     * @return The common shape of the preprocessed inputs.
     * @throws IllegalArgumentException if they differ.
     */
    static Shape initializePreprocessing(Block preprocess0, Block preprocess1, NDManager manager, DataType dataType,
                                         Shape... inputShapes) {
        preprocess0.initialize(manager, dataType, inputShapes[0]);
        preprocess1.initialize(manager, dataType, inputShapes[1]);
        Shape in0 = preprocess0.getOutputShapes(new Shape[]{inputShapes[0]})[0];
        Shape in1 = preprocess1.getOutputShapes(new Shape[]{inputShapes[1]})[0];
        if (!in0.equals(in1)) {
            throw new IllegalArgumentException("the cell inputs do not match after preprocessing: " + in0 + " and " + in1);
        }
        return in1;
    }

    /**
     * A readable name of an α row: the cell type and the edge, e.g. {@code "reduce 3<-1"}.
     * @param row The α row, normal cell's edges first.
     * @return The name.
     */
    public static String edgeName(int row) {
        int edge = row % EDGES;
        int node = 0;
        while (node + 1 < NODES && firstEdge(node + 1) <= edge) {
            node++;
        }
        return (row < EDGES ? "normal " : "reduce ") + (node + 2) + "<-" + (edge - firstEdge(node));
    }

    /**
     * The number of states a node may read: the two cell inputs and the earlier nodes.
     * @param node The node, 0..3.
     * @return node + 2.
     */
    public static int inputsOf(int node) {
        return node + 2;
    }

    /**
     * The α row of an edge.
     * @param reduction Whether the edge is in the reduction cell.
     * @param edge The edge within the cell, 0..13.
     * @return The global row.
     */
    public static int alphaRow(boolean reduction, int edge) {
        return (reduction ? EDGES : 0) + edge;
    }

    /**
     * Whether cell {@code index} of a network of {@code depth} cells is a reduction cell: the
     * cells at depth/3 and 2·depth/3, as DARTS.
     * @param index The cell index.
     * @param depth The number of cells.
     * @return True for a reduction cell.
     */
    public static boolean isReduction(int index, int depth) {
        return index == depth / 3 || index == 2 * depth / 3;
    }

    /**
     * The stride of an edge: 2 when a reduction cell's edge reads one of the cell inputs.
     * @param reduction Whether the cell is a reduction cell.
     * @param input The state the edge reads.
     * @return 1 or 2.
     */
    public static int stride(boolean reduction, int input) {
        return reduction && input < 2 ? 2 : 1;
    }

    /**
     * The output shape of an op with "same" padding: {@code [B, channels, ⌈H/stride⌉, ⌈W/stride⌉]}.
     * @param input The input shape [B, C, H, W].
     * @param channels Output channels.
     * @param stride 1 or 2.
     * @return The output shape.
     */
    public static Shape strided(Shape input, long channels, int stride) {
        return new Shape(input.get(0), channels, (input.get(2) + stride - 1) / stride, (input.get(3) + stride - 1) / stride);
    }

    /**
     * Checks a feature map can be halved exactly, as factorized reductions and partial-channel
     * pooling need.
     * @param input The input shape [B, C, H, W].
     * @param where What halves it, for the message.
     * @throws IllegalArgumentException if H or W is odd.
     */
    public static void checkEven(Shape input, String where) {
        if (input.get(2) % 2 != 0 || input.get(3) % 2 != 0) {
            throw new IllegalArgumentException(where + " halves the feature map, so it needs an even height and width, got "
                    + input.get(2) + "x" + input.get(3) + "; choose an input size divisible by 4");
        }
    }

    /**
     * Global average pooling: {@code [B, C, H, W] → [B, C]}. (The PyTorch engine's {@code mean}
     * takes one axis only, hence the flattening.)
     * @param x The feature map.
     * @return The per-channel means.
     */
    public static NDArray globalAveragePool(NDArray x) {
        Shape s = x.getShape();
        return x.reshape(s.get(0), s.get(1), -1).mean(new int[]{2});
    }
}
