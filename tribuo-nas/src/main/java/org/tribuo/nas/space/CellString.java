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

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The NAS-Bench-201 architecture string of a {@link CompleteDag} cell,
 * {@code |op~0|+|op~0|op~1|+|op~0|op~1|op~2|}: one {@code +}-separated group per node 1..n−1,
 * each listing the op on the edge from every earlier node. The text's order is the edge index
 * order. Reading reports the first problem with its character position; {@link #graph} draws
 * the same cell.
 *
 * @param <O> The space's op type.
 */
public final class CellString<O extends CandidateOp> {

    private final String family;
    private final int nodes;
    private final Function<String, O> lookup;
    private final String validNames;
    private final String example;

    /**
     * The string form of one space's cells.
     * @param family The space's name in messages, e.g. {@code NAS-Bench-201} or {@code tabular}.
     * @param nodes The cell's nodes, input and output included.
     * @param lookup The op of a name; throws {@link IllegalArgumentException} on an unknown name.
     * @param validNames The valid names, for messages.
     * @param example A valid string, for messages.
     */
    public CellString(String family, int nodes, Function<String, O> lookup, String validNames, String example) {
        this.family = family;
        this.nodes = nodes;
        this.lookup = lookup;
        this.validNames = validNames;
        this.example = example;
    }

    /**
     * Writes a cell.
     * @param edgeOps The op of every edge, in edge index order.
     * @return The string, which {@link #parse(String)} reads back.
     */
    public String format(List<? extends CandidateOp> edgeOps) {
        StringBuilder sb = new StringBuilder();
        for (int to = 1; to < nodes; to++) {
            if (to > 1) {
                sb.append('+');
            }
            sb.append('|');
            for (int from = 0; from < to; from++) {
                sb.append(edgeOps.get(CompleteDag.index(to, from)).opName()).append('~').append(from).append('|');
            }
        }
        return sb.toString();
    }

    /**
     * The cell as a graph, for drawing: nodes {@code 0 (input)} to {@code n−1 (output)}, one edge
     * per op.
     * @param edgeOps The op of every edge, in edge index order.
     * @return The graph, named {@code cell}.
     */
    public CellGraph graph(List<? extends CandidateOp> edgeOps) {
        List<String> labels = new ArrayList<>();
        for (int node = 0; node < nodes; node++) {
            labels.add(node == 0 ? "0 (input)" : node == nodes - 1 ? node + " (output)" : Integer.toString(node));
        }
        List<CellGraph.Edge> edges = new ArrayList<>();
        for (int e = 0; e < edgeOps.size(); e++) {
            edges.add(new CellGraph.Edge(CompleteDag.from(e), CompleteDag.to(e), edgeOps.get(e).opName()));
        }
        return new CellGraph("cell", labels, edges);
    }

    /**
     * Reads a cell.
     * @param text The string; surrounding whitespace is ignored.
     * @return The op of every edge, in edge index order.
     * @throws GenotypeFormatException naming the position and the problem.
     */
    public List<O> parse(String text) {
        if (text == null) {
            throw new GenotypeFormatException(family + " genotype string is null, expected e.g. " + example);
        }
        return new Reader(text.trim()).cell();
    }

    /** One reading, with its position. */
    private final class Reader {
        private final String text;
        private int pos;

        private Reader(String text) {
            this.text = text;
        }

        private List<O> cell() {
            if (text.isEmpty()) {
                throw new GenotypeFormatException(family + " genotype string is empty, expected e.g. " + example);
            }
            List<O> ops = new ArrayList<>(CompleteDag.edges(nodes));
            for (int to = 1; to < nodes; to++) {
                if (to > 1) {
                    expect('+', "'+' between node " + (to - 1) + " and node " + to);
                }
                expect('|', "'|' opening node " + to);
                for (int from = 0; from < to; from++) {
                    ops.add(op(to));
                    expect('~', "'~' after the op name of edge " + to + "<-" + from);
                    input(to, from);
                    expect('|', "'|' closing edge " + to + "<-" + from);
                }
            }
            if (pos != text.length()) {
                throw error("unexpected text after node " + (nodes - 1) + " (a " + family + " cell has " + (nodes - 1)
                        + " computed nodes)");
            }
            return ops;
        }

        private O op(int to) {
            int start = pos;
            while (pos < text.length() && "~|+".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            String name = text.substring(start, pos);
            if (name.isEmpty()) {
                pos = start;
                throw error("missing op name for an edge into node " + to);
            }
            try {
                return lookup.apply(name);
            } catch (IllegalArgumentException e) {
                pos = start;
                throw error("unknown op '" + name + "', expected one of " + validNames);
            }
        }

        private void input(int to, int from) {
            int start = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            String digits = text.substring(start, pos);
            if (!digits.equals(Integer.toString(from))) {
                pos = start;
                throw error("edge " + (from + 1) + " of node " + to + " must read input " + from + ", found "
                        + (digits.isEmpty() ? peek() : "'" + digits + "'"));
            }
        }

        private void expect(char c, String what) {
            if (pos >= text.length() || text.charAt(pos) != c) {
                throw error("expected " + what + ", found " + peek());
            }
            pos++;
        }

        private String peek() {
            return pos >= text.length() ? "end of string" : "'" + text.charAt(pos) + "'";
        }

        private GenotypeFormatException error(String problem) {
            return new GenotypeFormatException("malformed " + family + " genotype at position " + pos + ": " + problem
                    + " in \"" + text + "\"");
        }
    }
}
