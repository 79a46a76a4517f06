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

import org.tribuo.nas.nn.ReluConvBn;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.util.Pair;


import java.nio.ByteBuffer;
import java.util.List;

/**
 * The correspondence between the parameters of a {@link SearchCell} (one convolution and batch norm
 * per edge and op) and those of a {@link FusedSearchCell} (per source node, the kernels of its edges
 * concatenated along the output channels and one batch norm over all of them).
 * <p>
 * {@link #copy} loads a plain cell's weights and batch-norm state into a fused cell, after which the
 * two compute the same function; {@link #edgeKernel} and {@link #edgeNorm} cut a fused array (or its
 * gradient) back to one edge's part.
 */
public final class FusedCellParameters {

    private static final List<String> NORM_PARAMETERS = List.of("gamma", "beta", "runningMean", "runningVar");

    private FusedCellParameters() {}

    /**
     * Copies every convolution kernel and batch-norm parameter (running statistics included) of a
     * plain cell into a fused cell over the same space and channels. Both must be initialized.
     * @param plain The source.
     * @param fused The destination.
     * @throws IllegalArgumentException if the cells differ in space or channels.
     */
    public static void copy(SearchCell plain, FusedSearchCell fused) {
        List<Nb201Op> convOps = convolutionOps(fused);
        for (int source = 0; source < FusedCellLayout.SOURCES; source++) {
            int edges = FusedCellLayout.edgesFrom(source);
            NDList norms = new NDList();
            for (Nb201Op op : convOps) {
                NDList kernels = new NDList();
                for (int r = 0; r < edges; r++) {
                    ReluConvBn block = plainOp(plain, Nb201Space.edgeIndex(source + 1 + r, source), op);
                    kernels.add(parameter(block, "conv", "weight").getArray());
                }
                overwrite(fused.convolution(source, op).getParameters().get("weight").getArray(), kernels);
            }
            if (!convOps.isEmpty()) {
                for (String name : NORM_PARAMETERS) {
                    norms.clear();
                    for (Nb201Op op : convOps) {
                        for (int r = 0; r < edges; r++) {
                            ReluConvBn block = plainOp(plain, Nb201Space.edgeIndex(source + 1 + r, source), op);
                            norms.add(parameter(block, "bn", name).getArray());
                        }
                    }
                    overwrite(fused.norm(source).getParameters().get(name).getArray(), norms);
                }
            }
        }
    }

    /**
     * The convolution ops of a fused cell's space, in column order.
     * @param fused The cell.
     * @return {@code nor_conv_1x1} and/or {@code nor_conv_3x3}.
     */
    private static List<Nb201Op> convolutionOps(FusedSearchCell fused) {
        return fused.space().ops().stream()
                .filter(op -> op == Nb201Op.NOR_CONV_1X1 || op == Nb201Op.NOR_CONV_3X3)
                .toList();
    }

    /**
     * The ReLU-conv-BN block of one op on one edge of a plain cell.
     * @param plain The cell.
     * @param edge The edge index.
     * @param op A convolution op of the cell's space.
     * @return The block.
     * @throws IllegalArgumentException if the edge has no such op.
     */
    public static ReluConvBn plainOp(SearchCell plain, int edge, Nb201Op op) {
        Block mixed = plain.getChildren().get(edge).getValue();
        for (Pair<String, Block> child : mixed.getChildren()) {
            if (child.getKey().substring(2).equals(op.opName()) && child.getValue() instanceof ReluConvBn) {
                return (ReluConvBn) child.getValue();
            }
        }
        throw new IllegalArgumentException("edge " + edge + " has no convolution '" + op.opName() + "'");
    }

    private static Parameter parameter(ReluConvBn block, String child, String name) {
        for (Pair<String, Block> c : block.getChildren()) {
            if (c.getKey().substring(2).equals(child)) {
                Block b = c.getValue();
                if (child.equals("conv") && !(b instanceof Conv2d) || child.equals("bn") && !(b instanceof BatchNorm)) {
                    break;
                }
                return b.getParameters().get(name);
            }
        }
        throw new IllegalStateException("no " + child + "." + name + " in " + block);
    }

    /** Overwrites an array in place with the concatenation of parts along axis 0. */
    private static void overwrite(NDArray target, NDList parts) {
        try (NDManager scratch = target.getManager().newSubManager()) {
            NDArray joined = NDArrays.concat(parts, 0);
            joined.attach(scratch);
            if (!joined.getShape().equals(target.getShape())) {
                throw new IllegalArgumentException("the plain cell's parameters " + joined.getShape()
                        + " do not fit the fused parameter " + target.getShape()
                        + " (different space or channels?)");
            }
            ByteBuffer source = joined.toByteBuffer();
            ByteBuffer copy = ByteBuffer.allocateDirect(source.remaining()).order(source.order());
            copy.put(source).rewind();
            target.set(copy);
        }
    }

    /**
     * The rows of an array shaped like a fused convolution kernel (the kernel itself or its
     * gradient) that belong to one edge: shaped like that edge's plain kernel.
     * @param fused The cell.
     * @param kernelLike An array of shape [n·C, C, k, k].
     * @param edge The edge index.
     * @return A view, in {@code kernelLike}'s manager.
     */
    public static NDArray edgeKernel(FusedSearchCell fused, NDArray kernelLike, int edge) {
        long start = fused.kernelOffset(edge);
        return kernelLike.get(new NDIndex("{}:{}", start, start + fused.channels()));
    }

    /**
     * The channels of an array shaped like a fused batch-norm parameter that belong to one edge's op.
     * @param fused The cell.
     * @param normLike An array with the fused batch norm's channel count.
     * @param edge The edge index.
     * @param op A convolution op of the space.
     * @return A view, in {@code normLike}'s manager.
     */
    public static NDArray edgeNorm(FusedSearchCell fused, NDArray normLike, int edge, Nb201Op op) {
        long start = fused.normOffset(edge, op);
        return normLike.get(new NDIndex("{}:{}", start, start + fused.channels()));
    }
}
