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

package org.tribuo.nas.report;

import org.tribuo.nas.space.Nb201Genotype;
import org.tribuo.nas.space.Nb201Op;
import org.tribuo.nas.space.Nb201Space;

import java.util.Locale;

/**
 * Draws a NAS-Bench-201 cell as inline SVG: the four nodes left to right, one arc per edge
 * labelled with its operation (a {@code none} edge is drawn faint and dashed: it carries nothing).
 */
public final class CellDiagram {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 330;
    private static final int NODE_Y = 250;
    private static final int NODE_RADIUS = 22;

    private CellDiagram() {}

    /**
     * The SVG of a cell.
     * @param genotype The cell.
     * @return An {@code <svg>} element.
     */
    public static String svg(Nb201Genotype genotype) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
                + "width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"cell %s\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT,
                escape(genotype.toString())));
        for (int edge = 0; edge < Nb201Space.NUM_EDGES; edge++) {
            int from = Nb201Space.edgeFrom(edge);
            int to = Nb201Space.edgeTo(edge);
            Nb201Op op = genotype.op(edge);
            double x1 = nodeX(from);
            double x2 = nodeX(to);
            double lift = 45 + 55 * (to - from - 1) + 12 * from;
            double cx = (x1 + x2) / 2;
            double cy = NODE_Y - 2 * lift;
            boolean none = op == Nb201Op.NONE;
            svg.append(String.format(Locale.ROOT, "  <path d=\"M %.0f %d Q %.0f %.0f %.0f %d\" fill=\"none\" stroke=\"%s\" "
                    + "stroke-width=\"2\"%s/>%n", x1, NODE_Y - NODE_RADIUS, cx, cy, x2, NODE_Y - NODE_RADIUS,
                    none ? "#bbb" : color(op), none ? " stroke-dasharray=\"5 4\"" : ""));
            svg.append(String.format(Locale.ROOT, "  <text x=\"%.0f\" y=\"%.0f\" text-anchor=\"middle\" font-size=\"13\" "
                    + "font-family=\"sans-serif\" fill=\"%s\" stroke=\"white\" stroke-width=\"4\" paint-order=\"stroke\">%s</text>%n", cx, NODE_Y - lift - NODE_RADIUS + 4,
                    none ? "#999" : color(op), escape(op.toString())));
        }
        for (int node = 0; node < Nb201Space.NUM_NODES; node++) {
            svg.append(String.format(Locale.ROOT, "  <circle cx=\"%.0f\" cy=\"%d\" r=\"%d\" fill=\"#f4f4f4\" stroke=\"#333\" "
                    + "stroke-width=\"2\"/>%n  <text x=\"%.0f\" y=\"%d\" text-anchor=\"middle\" font-size=\"16\" "
                    + "font-family=\"sans-serif\">%d</text>%n", nodeX(node), NODE_Y, NODE_RADIUS, nodeX(node), NODE_Y + 6, node));
        }
        svg.append(String.format(Locale.ROOT, "  <text x=\"%.0f\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\" "
                + "font-family=\"sans-serif\" fill=\"#555\">input</text>%n", nodeX(0), NODE_Y + 45));
        svg.append(String.format(Locale.ROOT, "  <text x=\"%.0f\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\" "
                + "font-family=\"sans-serif\" fill=\"#555\">output</text>%n", nodeX(3), NODE_Y + 45));
        return svg.append("</svg>\n").toString();
    }

    private static double nodeX(int node) {
        return 60 + node * (WIDTH - 120) / 3.0;
    }

    private static String color(Nb201Op op) {
        return switch (op) {
            case SKIP_CONNECT -> "#2ca02c";
            case NOR_CONV_1X1 -> "#1f77b4";
            case NOR_CONV_3X3 -> "#d62728";
            case AVG_POOL_3X3 -> "#9467bd";
            case NONE -> "#bbb";
        };
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
