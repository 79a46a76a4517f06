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

/**
 * The edge table of a cell that is a complete DAG: node 0 is the cell input, every later node
 * sums one edge from each earlier node, the last node is the output. Edges are indexed node by
 * node, {@code 1<-0, 2<-0, 2<-1, 3<-0, 3<-1, 3<-2, …} (NAS-Bench-201's order; one α row each).
 */
public final class CompleteDag {

    private CompleteDag() {}

    /**
     * The number of edges of a cell.
     * @param nodes Its nodes, input and output included.
     * @return {@code nodes·(nodes−1)/2}.
     */
    public static int edges(int nodes) {
        return nodes * (nodes - 1) / 2;
    }

    /**
     * The index of the edge {@code to <- from}.
     * @param to The later node (1 or more).
     * @param from The earlier node (0..to−1).
     * @return {@code to·(to−1)/2 + from}.
     */
    public static int index(int to, int from) {
        return to * (to - 1) / 2 + from;
    }

    /**
     * The index of the edge {@code to <- from} of a cell, checked.
     * @param nodes The cell's nodes.
     * @param to The later node (1..nodes−1).
     * @param from The earlier node (0..to−1).
     * @param cell The cell's name, for the message, e.g. {@code NAS-Bench-201}.
     * @return The edge index.
     * @throws IllegalArgumentException if the cell has no such edge.
     */
    public static int index(int nodes, int to, int from, String cell) {
        if (to < 1 || to >= nodes || from < 0 || from >= to) {
            throw new IllegalArgumentException("no edge " + to + "<-" + from + " in a " + cell + " cell");
        }
        return index(to, from);
    }

    /**
     * The node an edge feeds.
     * @param edge The edge index.
     * @return Its later node.
     */
    public static int to(int edge) {
        int to = 1;
        while (index(to + 1, 0) <= edge) {
            to++;
        }
        return to;
    }

    /**
     * The node an edge reads.
     * @param edge The edge index.
     * @return Its earlier node.
     */
    public static int from(int edge) {
        return edge - index(to(edge), 0);
    }
}
