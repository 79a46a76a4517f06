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

import org.tribuo.nas.space.GenotypeFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a NAS-Bench-201 architecture string, reporting the first problem with its position.
 */
final class Nb201GenotypeParser {

    private final String text;
    private int pos;

    Nb201GenotypeParser(String text) {
        if (text == null) {
            throw new GenotypeFormatException("genotype string is null");
        }
        this.text = text.trim();
    }

    Nb201Genotype parse() {
        if (text.isEmpty()) {
            throw new GenotypeFormatException("genotype string is empty, expected e.g. "
                    + "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|");
        }
        List<Nb201Op> ops = new ArrayList<>(Nb201Space.NUM_EDGES);
        for (int to = 1; to < Nb201Space.NUM_NODES; to++) {
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
            throw error("unexpected text after node " + (Nb201Space.NUM_NODES - 1)
                    + " (a NAS-Bench-201 cell has " + (Nb201Space.NUM_NODES - 1) + " nodes)");
        }
        return new Nb201Genotype(ops);
    }

    private Nb201Op readOp(int to) {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != '~' && text.charAt(pos) != '|' && text.charAt(pos) != '+') {
            pos++;
        }
        String name = text.substring(start, pos);
        if (name.isEmpty()) {
            pos = start;
            throw error("missing op name for an edge into node " + to);
        }
        try {
            return Nb201Op.fromName(name);
        } catch (IllegalArgumentException e) {
            pos = start;
            throw error("unknown op '" + name + "', expected one of " + Nb201Op.validNames());
        }
    }

    private void readInput(int to, int from) {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        String digits = text.substring(start, pos);
        if (digits.isEmpty() || !digits.equals(Integer.toString(from))) {
            pos = start;
            throw error("edge " + (from + 1) + " of node " + to + " must read input " + from
                    + ", found '" + (digits.isEmpty() ? peek() : digits) + "'");
        }
    }

    private void expect(char c, String what) {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw error("expected " + what + ", found " + (pos >= text.length() ? "end of string" : "'" + text.charAt(pos) + "'"));
        }
        pos++;
    }

    private String peek() {
        return pos >= text.length() ? "end of string" : String.valueOf(text.charAt(pos));
    }

    private GenotypeFormatException error(String problem) {
        return new GenotypeFormatException("malformed NAS-Bench-201 genotype at position " + pos + ": " + problem
                + " in \"" + text + "\"");
    }
}
