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

import java.util.List;

/**
 * A genotype's cell as a graph, for drawing: named nodes left to right and one labelled edge per
 * operation.
 *
 * @param name The cell's name, e.g. {@code normal} or {@code reduce}.
 * @param nodes Node labels in drawing order; the first are inputs, the last is the output.
 * @param edges The edges.
 */
public record CellGraph(String name, List<String> nodes, List<Edge> edges) {

    /**
     * One edge.
     * @param from Index of the source node.
     * @param to Index of the target node.
     * @param op The operation's name; {@code none} carries nothing, {@code concat} joins a node into the output.
     */
    public record Edge(int from, int to, String op) {}
}
