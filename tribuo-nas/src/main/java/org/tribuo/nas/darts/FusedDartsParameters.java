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
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps the parameters of a plain {@link DartsSearchCell} to their rows in a
 * {@link FusedDartsSearchCell} of the same settings (the DARTS counterpart of the NAS-Bench-201
 * {@code FusedCellParameters}): {@link #copy} loads the plain cell's weights and batch-norm
 * statistics into the fused one, after which the two compute the same function.
 */
public final class FusedDartsParameters {

    /**
     * One plain parameter and the rows {@code [from, from + count)} of a fused one that hold the
     * same values ({@code count < 0}: the whole fused parameter).
     * @param name A readable name of the plain parameter.
     * @param plain The plain cell's parameter.
     * @param fused The fused cell's parameter.
     * @param from The first row.
     * @param count The number of rows, or -1 for all.
     */
    public record Link(String name, Parameter plain, Parameter fused, long from, long count) {
        /**
         * The part of a fused array (the parameter or its gradient) that belongs to the plain parameter.
         * @param whole An array shaped like the fused parameter.
         * @return The rows of this link.
         */
        public NDArray fusedPart(NDArray whole) {
            return count < 0 ? whole : whole.get(new NDIndex("{}:{}", from, from + count));
        }
    }

    private FusedDartsParameters() {}

    /**
     * Copies every plain parameter into its rows of the fused cell.
     * @param links {@link #links} of the two cells.
     */
    public static void copy(List<Link> links) {
        for (Link link : links) {
            NDArray target = link.fused().getArray();
            if (link.count() < 0) {
                target.set(link.plain().getArray().toFloatArray());
            } else {
                target.set(new NDIndex("{}:{}", link.from(), link.from() + link.count()), link.plain().getArray());
            }
        }
    }

    /**
     * Where every parameter of a plain cell lives in a fused cell of the same settings.
     * @param plain The plain cell, initialized.
     * @param fused The fused cell, initialized.
     * @param ops The candidate ops of both, in α's column order.
     * @param channels C, the cells' channels.
     * @param reduction Whether the cells are reduction cells.
     * @param k The partial-channel factor K.
     * @return One link per plain parameter.
     * @throws IllegalArgumentException if a block the layout expects is missing.
     */
    public static List<Link> links(DartsSearchCell plain, FusedDartsSearchCell fused, List<DartsOp> ops, int channels,
                                   boolean reduction, int k) {
        List<Link> links = new ArrayList<>();
        for (String pre : List.of("preprocess0", "preprocess1")) {
            var plainParams = child(plain, pre).getParameters();
            var fusedParams = child(fused, pre).getParameters();
            for (Pair<String, Parameter> p : plainParams) {
                links.add(new Link(pre + "." + p.getKey(), p.getValue(), fusedParams.get(p.getKey()), 0, -1));
            }
        }
        List<DartsOp> pools = DartsOp.ofKind(ops, DartsOp.Kind.POOL);
        List<DartsOp> seps = DartsOp.ofKind(ops, DartsOp.Kind.SEPARABLE_CONV);
        List<DartsOp> convs = FusedEdgeLayout.convolutions(ops);
        long a = channels / k;
        for (int node = 0; node < DartsCellLayout.NODES; node++) {
            for (int input = 0; input < DartsCellLayout.inputsOf(node); input++) {
                Block edge = child(plain, "edge" + (node + 2) + "from" + input);
                if (k > 1) {
                    edge = child(edge, "mixed");
                }
                // The two cell inputs share one fused block, edges ordered (input, target).
                int first = Math.max(0, input - 1);
                long targets = DartsCellLayout.NODES - first;
                long edges = input < 2 ? 2 * targets : targets;
                long r = (input < 2 ? input * targets : 0) + node - first;
                Block from = child(fused, input < 2 ? "from01" : "from" + input);
                String where = "edge " + (node + 2) + "<-" + input + " ";
                for (DartsOp op : ops) {
                    Block b = op == DartsOp.NONE ? null : child(edge, op.opName());
                    String name = where + op.opName();
                    if (pools.contains(op)) {
                        long at = (pools.indexOf(op) * edges + r) * a;
                        norm(links, name, child(b, "bn"), child(from, "bn_pool"), at, a);
                    } else if (op == DartsOp.SKIP_CONNECT && DartsCellLayout.stride(reduction, input) == 2) {
                        links.add(weight(name + " conv_1", child(b, "conv_1"), child(from, "fr_1"), r * a / 2, a / 2));
                        links.add(weight(name + " conv_2", child(b, "conv_2"), child(from, "fr_2"), r * a / 2, a / 2));
                        norm(links, name, child(b, "bn"), child(from, "bn_fr"), r * a, a);
                    } else if (convs.contains(op)) {
                        long o = convs.indexOf(op);
                        Block stack = seps.contains(op) ? child(b, "stack_1") : b;
                        links.add(weight(name + " depthwise", child(stack, "depthwise"),
                                child(from, "dw1_" + op.opName()), r * a, a));
                        links.add(weight(name + " pointwise", child(stack, "pointwise"), child(from, "pw1"),
                                (o * edges + r) * a, a));
                        norm(links, name, child(stack, "bn"), child(from, "bn1"), (o * edges + r) * a, a);
                        if (seps.contains(op)) {
                            long s = seps.indexOf(op);
                            Block second = child(b, "stack_2");
                            links.add(weight(name + " depthwise 2", child(second, "depthwise"),
                                    child(from, "dw2_" + op.opName()), r * a, a));
                            links.add(weight(name + " pointwise 2", child(second, "pointwise"), child(from, "pw2"),
                                    (s * edges + r) * a, a));
                            norm(links, name + " 2", child(second, "bn"), child(from, "bn2"), (s * edges + r) * a, a);
                        }
                    }
                }
            }
        }
        return links;
    }

    private static Link weight(String name, Block plain, Block fused, long from, long count) {
        return new Link(name + " kernel", plain.getParameters().get("weight"), fused.getParameters().get("weight"),
                from, count);
    }

    private static void norm(List<Link> links, String name, Block plain, Block fused, long from, long count) {
        for (String stat : List.of("runningMean", "runningVar")) {
            links.add(new Link(name + " " + stat, plain.getParameters().get(stat), fused.getParameters().get(stat),
                    from, count));
        }
    }

    /** A child block by its name without DJL's two-digit position prefix. */
    private static Block child(Block block, String name) {
        for (Pair<String, Block> c : block.getChildren()) {
            if (c.getKey().substring(2).equals(name)) {
                return c.getValue();
            }
        }
        throw new IllegalArgumentException("no child '" + name + "' in " + block.getChildren().keys());
    }
}
