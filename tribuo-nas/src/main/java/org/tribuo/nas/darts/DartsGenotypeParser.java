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

import org.tribuo.nas.space.GenotypeFormatException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the PyTorch repr of a DARTS {@code Genotype}, reporting the first problem with its
 * character position. Accepts any whitespace, either quote, trailing commas, the four fields in
 * any order, and {@code range(a, b)} for the concat lists.
 */
final class DartsGenotypeParser {

    private static final String EXAMPLE = "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ...], "
            + "normal_concat=[2, 3, 4, 5], reduce=[...], reduce_concat=[2, 3, 4, 5])";
    private static final List<String> FIELDS = List.of("normal", "normal_concat", "reduce", "reduce_concat");

    private final String text;
    private int pos;

    DartsGenotypeParser(String text) {
        if (text == null) {
            throw new GenotypeFormatException("genotype string is null");
        }
        this.text = text;
    }

    DartsGenotype parse() {
        skipSpace();
        if (pos == text.length()) {
            throw new GenotypeFormatException("genotype string is empty, expected e.g. " + EXAMPLE);
        }
        int start = pos;
        if (!"Genotype".equals(identifier())) {
            pos = start;
            throw error("expected 'Genotype(' as in " + EXAMPLE);
        }
        expect('(', "'(' after 'Genotype'");
        Map<String, Object> fields = new HashMap<>();
        while (true) {
            skipSpace();
            if (peek() == ')' && !fields.isEmpty()) {
                break;
            }
            int fieldStart = pos;
            String name = identifier();
            if (!FIELDS.contains(name)) {
                pos = fieldStart;
                throw error(name.isEmpty() ? "expected a field name, one of " + FIELDS
                        : "unknown field '" + name + "', expected one of " + FIELDS);
            }
            if (fields.containsKey(name)) {
                pos = fieldStart;
                throw error("field '" + name + "' is given twice");
            }
            expect('=', "'=' after '" + name + "'");
            fields.put(name, name.endsWith("_concat") ? concat(name) : cell(name));
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else if (peek() != ')') {
                throw error("expected ',' or ')' after field '" + name + "', found " + found());
            }
        }
        for (String field : FIELDS) {
            if (!fields.containsKey(field)) {
                throw error("missing field '" + field + "'");
            }
        }
        pos++;
        skipSpace();
        if (pos != text.length()) {
            throw error("unexpected text after the closing ')'");
        }
        return new DartsGenotype(edges(fields.get("normal")), ints(fields.get("normal_concat")),
                edges(fields.get("reduce")), ints(fields.get("reduce_concat")));
    }

    @SuppressWarnings("unchecked")
    private static List<DartsEdge> edges(Object value) {
        return (List<DartsEdge>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> ints(Object value) {
        return (List<Integer>) value;
    }

    private List<DartsEdge> cell(String name) {
        int listStart = skipSpace();
        expect('[', "'[' opening the " + name + " pairs");
        List<DartsEdge> pairs = new ArrayList<>();
        while (true) {
            skipSpace();
            if (peek() == ']') {
                break;
            }
            if (pairs.size() == DartsCellLayout.PAIRS) {
                throw error(name + " has more than " + DartsCellLayout.PAIRS + " pairs (two per node, "
                        + DartsCellLayout.NODES + " nodes)");
            }
            expect('(', "'(' opening " + name + " pair " + pairs.size());
            int opStart = skipSpace();
            String opName = string();
            DartsOp op;
            try {
                op = DartsOp.fromName(opName);
            } catch (IllegalArgumentException e) {
                pos = opStart;
                throw error("unknown op '" + opName + "' in " + name + " pair " + pairs.size() + ", expected one of "
                        + DartsOp.validNames());
            }
            expect(',', "',' after the op of " + name + " pair " + pairs.size());
            int inputStart = skipSpace();
            int input = integer();
            skipSpace();
            if (peek() == ',') {
                pos++;
            }
            expect(')', "')' closing " + name + " pair " + pairs.size());
            String problem = DartsGenotype.pairProblem(op, pairs.size(), input);
            if (problem != null) {
                pos = op == DartsOp.NONE ? opStart : inputStart;
                throw error(name + " pair " + pairs.size() + ": " + problem);
            }
            pairs.add(new DartsEdge(op, input));
            if (!listSeparator()) {
                break;
            }
        }
        expect(']', "',' or ']' in the " + name + " pairs");
        if (pairs.size() != DartsCellLayout.PAIRS) {
            pos = listStart;
            throw error(name + " has " + pairs.size() + " pairs, expected " + DartsCellLayout.PAIRS
                    + " (two per node, " + DartsCellLayout.NODES + " nodes)");
        }
        return pairs;
    }

    private List<Integer> concat(String name) {
        int start = skipSpace();
        List<Integer> states = new ArrayList<>();
        if (peek() == '[') {
            pos++;
            while (true) {
                skipSpace();
                if (peek() == ']') {
                    break;
                }
                states.add(integer());
                if (!listSeparator()) {
                    break;
                }
            }
            expect(']', "',' or ']' in " + name);
        } else if ("range".equals(identifier())) {
            expect('(', "'(' after 'range'");
            skipSpace();
            int from = integer();
            expect(',', "',' between the bounds of range");
            skipSpace();
            int to = integer();
            expect(')', "')' closing range");
            for (int s = from; s < to; s++) {
                states.add(s);
            }
        } else {
            pos = start;
            throw error("expected a list such as [2, 3, 4, 5] or range(2, 6) for " + name);
        }
        String problem = DartsGenotype.concatProblem(states);
        if (problem != null) {
            pos = start;
            throw error(name + " " + states + ": " + problem);
        }
        return states;
    }

    /** Consumes a ',' if present; returns whether one was. */
    private boolean listSeparator() {
        skipSpace();
        if (peek() == ',') {
            pos++;
            return true;
        }
        return false;
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private String string() {
        char quote = peek();
        if (quote != '\'' && quote != '"') {
            throw error("expected a quoted op name, found " + found());
        }
        int end = text.indexOf(quote, pos + 1);
        if (end < 0) {
            throw error("unterminated op name");
        }
        String value = text.substring(pos + 1, end);
        pos = end + 1;
        return value;
    }

    private int integer() {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a non-negative integer, found " + found());
        }
        try {
            return Integer.parseInt(text.substring(start, pos));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("integer too large");
        }
    }

    private void expect(char c, String what) {
        skipSpace();
        if (peek() != c) {
            throw error("expected " + what + ", found " + found());
        }
        pos++;
    }

    /** Skips whitespace and returns the new position. */
    private int skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private String found() {
        return pos >= text.length() ? "end of string" : "'" + text.charAt(pos) + "'";
    }

    private GenotypeFormatException error(String problem) {
        int from = Math.max(0, pos - 10);
        int to = Math.min(text.length(), pos + 20);
        return new GenotypeFormatException("malformed DARTS genotype at position " + pos + ": " + problem
                + " (near \"" + (from > 0 ? "..." : "") + text.substring(from, to) + (to < text.length() ? "..." : "") + "\")");
    }
}
