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

import org.tribuo.nas.space.CompleteDag;

/**
 * The topology of a tabular cell: a complete DAG over four nodes, node 0 the input and node 3
 * the output, with six edges indexed {@code 1<-0, 2<-0, 2<-1, 3<-0, 3<-1, 3<-2} (one α row each).
 */
public final class TabularCellLayout {

    /** Nodes of a cell, input and output included. */
    public static final int NODES = 4;
    /** Edges of a cell: one α row each. */
    public static final int EDGES = CompleteDag.edges(NODES);

    private TabularCellLayout() {}

    /**
     * The target node of an edge.
     * @param edge The edge index.
     * @return The node the edge feeds.
     */
    public static int edgeTo(int edge) {
        return CompleteDag.to(edge);
    }

    /**
     * The source node of an edge.
     * @param edge The edge index.
     * @return The node the edge reads.
     */
    public static int edgeFrom(int edge) {
        return CompleteDag.from(edge);
    }

    /**
     * The index of the edge {@code to <- from}, its α row.
     * @param to The target node (1..3).
     * @param from The source node (0..to-1).
     * @return The edge index.
     * @throws IllegalArgumentException if there is no such edge.
     */
    public static int edgeIndex(int to, int from) {
        return CompleteDag.index(NODES, to, from, TabularSearchSpace.NAME);
    }

    /**
     * The block name of an edge, e.g. {@code edge2from1}.
     * @param edge The edge index.
     * @return The name.
     */
    static String edgeBlockName(int edge) {
        return "edge" + edgeTo(edge) + "from" + edgeFrom(edge);
    }
}
