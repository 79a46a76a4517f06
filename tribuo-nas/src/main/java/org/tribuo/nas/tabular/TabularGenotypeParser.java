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

import org.tribuo.nas.space.GenotypeFormatException;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a tabular genotype string, reporting the first problem with its character position.
 */
final class TabularGenotypeParser {

    private static final String EXAMPLE = "|dense~0|+|skip_connect~0|dense_bottleneck~1|+|skip_connect~0|dense~1|dense~2|";

    private final String text;
    private int pos;

    /**
     * Creates a parser.
     * @param text The genotype string; surrounding whitespace is ignored.
     * @throws GenotypeFormatException if the text is null.
     */
    TabularGenotypeParser(String text) {
        if (text == null) {
            throw new GenotypeFormatException("tabular genotype string is null, expected e.g. " + EXAMPLE);
        }
        this.text = text.trim();
    }

    /**
     * Parses the whole string.
     * @return The genotype.
     * @throws GenotypeFormatException naming the position and the problem.
     */
    TabularGenotype parse() {
        if (text.isEmpty()) {
            throw new GenotypeFormatException("tabular genotype string is empty, expected e.g. " + EXAMPLE);
        }
        List<TabularOp> ops = new ArrayList<>(TabularCellLayout.EDGES);
        for (int to = 1; to < TabularCellLayout.NODES; to++) {
            if (to > 1) {
                expect('+', "'+' between node " + (to - 1) + " and node " + to);
            }
            expect('|', "'|' opening node " + to);
            for (int from = 0; from < to; from++) {
                ops.add(readOp(to));
                expect('~', "'~' after the op name of edge " + to + "<-" + from);
                readInput(to, from);
                expect('|', "'|' closing edge " + to + "<-" + from);
            }
        }
        if (pos != text.length()) {
            throw error("unexpected text after node " + (TabularCellLayout.NODES - 1)
                    + " (a tabular cell has " + (TabularCellLayout.NODES - 1) + " computed nodes)");
        }
        // Edge order of the text (node by node) is the edge index order.
        return new TabularGenotype(ops);
    }

    private TabularOp readOp(int to) {
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
            return TabularOp.fromName(name);
        } catch (IllegalArgumentException e) {
            pos = start;
            throw error("unknown op '" + name + "', expected one of " + TabularOp.validNames());
        }
    }

    private void readInput(int to, int from) {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        String digits = text.substring(start, pos);
        if (!digits.equals(Integer.toString(from))) {
            pos = start;
            throw error("edge " + (from + 1) + " of node " + to + " must read input " + from
                    + ", found " + (digits.isEmpty() ? peek() : "'" + digits + "'"));
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
        return new GenotypeFormatException("malformed tabular genotype at position " + pos + ": " + problem
                + " in \"" + text + "\"");
    }
}
