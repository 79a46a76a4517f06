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

import org.tribuo.nas.space.CellGraph;
import org.tribuo.nas.space.Genotype;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a genotype's cells as inline SVG: the nodes left to right, one arc per edge labelled with
 * its operation (a {@code none} edge is drawn faint and dashed: it carries nothing; {@code concat}
 * edges, which join intermediate nodes into a DARTS cell's output, are thin and unlabelled).
 */
public final class CellDiagram {

    private static final int NODE_SPACING = 150;
    private static final int NODE_RADIUS = 22;
    private static final Map<String, String> COLORS = Map.ofEntries(
            Map.entry("skip_connect", "#2ca02c"), Map.entry("nor_conv_1x1", "#1f77b4"),
            Map.entry("nor_conv_3x3", "#d62728"), Map.entry("avg_pool_3x3", "#9467bd"),
            Map.entry("max_pool_3x3", "#8c564b"), Map.entry("sep_conv_3x3", "#d62728"),
            Map.entry("sep_conv_5x5", "#ff7f0e"), Map.entry("dil_conv_3x3", "#1f77b4"),
            Map.entry("dil_conv_5x5", "#17becf"));
    private static final String[] FALLBACK = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf"};

    private CellDiagram() {}

    /**
     * The SVG of every cell of a genotype, each under its name when there are several.
     * @param genotype The genotype.
     * @return One {@code <svg>} element per cell.
     */
    public static String svg(Genotype genotype) {
        List<CellGraph> cells = genotype.cells();
        StringBuilder out = new StringBuilder();
        for (CellGraph cell : cells) {
            if (cells.size() > 1) {
                out.append("<h3>").append(escape(cell.name())).append(" cell</h3>\n");
            }
            out.append(svg(cell, (cells.size() > 1 ? cell.name() + " cell " : "cell ") + genotype));
        }
        return out.toString();
    }

    private static String svg(CellGraph cell, String label) {
        int n = cell.nodes().size();
        int width = 120 + (n - 1) * NODE_SPACING;
        int maxSpan = 1;
        for (CellGraph.Edge e : cell.edges()) {
            maxSpan = Math.max(maxSpan, Math.abs(e.to() - e.from()));
        }
        int nodeY = 70 + 50 * maxSpan;
        int height = nodeY + 60;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
                + "width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">%n", width, height, width, height,
                escape(label)));
        for (CellGraph.Edge e : cell.edges()) {
            double x1 = nodeX(e.from());
            double x2 = nodeX(e.to());
            int span = Math.abs(e.to() - e.from());
            double lift = 30 + 50 * (span - 1) + 8 * e.from();
            double cx = (x1 + x2) / 2;
            double cy = nodeY - 2 * lift;
            boolean none = "none".equals(e.op());
            boolean concat = "concat".equals(e.op());
            String color = none || concat ? "#bbb" : color(e.op());
            svg.append(String.format(Locale.ROOT, "  <path d=\"M %.0f %d Q %.0f %.0f %.0f %d\" fill=\"none\" stroke=\"%s\" "
                    + "stroke-width=\"%d\"%s/>%n", x1, nodeY - NODE_RADIUS, cx, cy, x2, nodeY - NODE_RADIUS,
                    color, concat ? 1 : 2, none ? " stroke-dasharray=\"5 4\"" : ""));
            if (!concat) {
                svg.append(String.format(Locale.ROOT, "  <text x=\"%.0f\" y=\"%.0f\" text-anchor=\"middle\" font-size=\"12\" "
                        + "font-family=\"sans-serif\" fill=\"%s\" stroke=\"white\" stroke-width=\"4\" paint-order=\"stroke\">%s</text>%n",
                        cx, nodeY - lift - NODE_RADIUS + 4, none ? "#999" : color, escape(e.op())));
            }
        }
        for (int node = 0; node < n; node++) {
            String name = cell.nodes().get(node);
            int space = name.indexOf(' ');
            String inside = space < 0 ? name : name.substring(0, space);
            svg.append(String.format(Locale.ROOT, "  <circle cx=\"%.0f\" cy=\"%d\" r=\"%d\" fill=\"#f4f4f4\" stroke=\"#333\" "
                    + "stroke-width=\"2\"/>%n  <text x=\"%.0f\" y=\"%d\" text-anchor=\"middle\" font-size=\"14\" "
                    + "font-family=\"sans-serif\">%s</text>%n", nodeX(node), nodeY, NODE_RADIUS, nodeX(node), nodeY + 5,
                    escape(inside)));
            if (space >= 0) {
                svg.append(String.format(Locale.ROOT, "  <text x=\"%.0f\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\" "
                        + "font-family=\"sans-serif\" fill=\"#555\">%s</text>%n", nodeX(node), nodeY + 45,
                        escape(name.substring(space + 1).replace("(", "").replace(")", ""))));
            }
        }
        return svg.append("</svg>\n").toString();
    }

    private static double nodeX(int node) {
        return 60 + node * NODE_SPACING;
    }

    private static String color(String op) {
        String known = COLORS.get(op);
        return known != null ? known : FALLBACK[Math.floorMod(op.hashCode(), FALLBACK.length)];
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
