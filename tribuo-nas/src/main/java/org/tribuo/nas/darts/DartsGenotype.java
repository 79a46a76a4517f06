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

import org.tribuo.nas.space.CellGraph;
import org.tribuo.nas.space.Genotype;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A DARTS cell architecture: for the normal and the reduction cell, the two (op, input) pairs of
 * each of the four nodes, and the nodes concatenated into the cell output.
 * <p>
 * Its text form is the repr of DARTS's (PyTorch) {@code Genotype} namedtuple, so genotypes can be
 * pasted to and from {@code genotypes.py}:
 * <pre>
 * Genotype(normal=[('sep_conv_3x3', 1), ('skip_connect', 0), ...], normal_concat=[2, 3, 4, 5],
 *          reduce=[('max_pool_3x3', 0), ...], reduce_concat=[2, 3, 4, 5])
 * </pre>
 * (on one line). {@link #parse(String)} also reads {@code range(2, 6)} for the concat lists.
 */
public final class DartsGenotype implements Genotype {

    /** The space name, as in {@link DartsSearchSpace#name()}. */
    public static final String SPACE_NAME = "darts";
    /** The concat list of derived and random genotypes: all four nodes. */
    public static final List<Integer> ALL_NODES = List.of(2, 3, 4, 5);

    private final List<DartsEdge> normal;
    private final List<Integer> normalConcat;
    private final List<DartsEdge> reduce;
    private final List<Integer> reduceConcat;

    /**
     * Creates a genotype.
     * @param normal The normal cell's 8 pairs, node by node (pairs 2i and 2i+1 feed node i).
     * @param normalConcat The states concatenated into the normal cell's output (within 2..5).
     * @param reduce The reduction cell's 8 pairs.
     * @param reduceConcat The states concatenated into the reduction cell's output.
     * @throws IllegalArgumentException on a wrong pair count, {@code none}, an input a node cannot
     * read (node i reads states 0..i+1), or a concat list that is empty, repeats a state or names
     * one outside 2..5.
     */
    public DartsGenotype(List<DartsEdge> normal, List<Integer> normalConcat, List<DartsEdge> reduce,
                         List<Integer> reduceConcat) {
        this.normal = checkCell("normal", normal);
        this.normalConcat = checkConcat("normal_concat", normalConcat);
        this.reduce = checkCell("reduce", reduce);
        this.reduceConcat = checkConcat("reduce_concat", reduceConcat);
    }

    /**
     * Creates a genotype whose cells concatenate all four nodes.
     * @param normal The normal cell's 8 pairs.
     * @param reduce The reduction cell's 8 pairs.
     */
    public DartsGenotype(List<DartsEdge> normal, List<DartsEdge> reduce) {
        this(normal, ALL_NODES, reduce, ALL_NODES);
    }

    private static List<DartsEdge> checkCell(String cell, List<DartsEdge> pairs) {
        Objects.requireNonNull(pairs, cell);
        if (pairs.size() != DartsCellLayout.PAIRS) {
            throw new IllegalArgumentException(cell + " has " + pairs.size() + " pairs, expected "
                    + DartsCellLayout.PAIRS + " (two per node)");
        }
        for (int p = 0; p < pairs.size(); p++) {
            String problem = pairProblem(pairs.get(p).op(), p, pairs.get(p).input());
            if (problem != null) {
                throw new IllegalArgumentException(cell + " pair " + p + ": " + problem);
            }
        }
        return List.copyOf(pairs);
    }

    /**
     * What is wrong with a pair, or null.
     * @param op The op.
     * @param pair The pair index, 0..7.
     * @param input The input state.
     * @return The problem, or null if the pair is valid.
     */
    static String pairProblem(DartsOp op, int pair, int input) {
        if (op == DartsOp.NONE) {
            return "'none' cannot be a chosen op";
        }
        int node = pair / 2;
        int max = DartsCellLayout.inputsOf(node) - 1;
        if (input < 0 || input > max) {
            return "input " + input + " is out of range for node " + node + ", which reads states 0.." + max;
        }
        return null;
    }

    private static List<Integer> checkConcat(String field, List<Integer> concat) {
        Objects.requireNonNull(concat, field);
        String problem = concatProblem(concat);
        if (problem != null) {
            throw new IllegalArgumentException(field + " " + concat + ": " + problem);
        }
        return List.copyOf(concat);
    }

    /**
     * What is wrong with a concat list, or null.
     * @param concat The states.
     * @return The problem, or null if the list is valid.
     */
    static String concatProblem(List<Integer> concat) {
        if (concat.isEmpty()) {
            return "the cell must output at least one node";
        }
        List<Integer> seen = new ArrayList<>();
        for (Integer state : concat) {
            if (state == null || state < 2 || state > 1 + DartsCellLayout.NODES) {
                return "state " + state + " is not a node (nodes are 2.." + (1 + DartsCellLayout.NODES) + ")";
            }
            if (seen.contains(state)) {
                return "state " + state + " is listed twice";
            }
            seen.add(state);
        }
        return null;
    }

    /**
     * A genotype drawn at random: in each cell, every intermediate node takes two distinct
     * inputs, each with an op drawn uniformly from the candidates.
     * @param ops The candidate ops (zero excluded by the caller if wanted).
     * @param rng The random source.
     * @return The genotype.
     */
    public static DartsGenotype random(List<DartsOp> ops, SplittableRandom rng) {
        return new DartsGenotype(randomCell(ops, rng), randomCell(ops, rng));
    }

    private static List<DartsEdge> randomCell(List<DartsOp> ops, SplittableRandom rng) {
        List<DartsEdge> pairs = new ArrayList<>(DartsCellLayout.PAIRS);
        for (int node = 0; node < DartsCellLayout.NODES; node++) {
            int inputs = DartsCellLayout.inputsOf(node);
            int a = rng.nextInt(inputs);
            int b = rng.nextInt(inputs - 1);
            if (b >= a) {
                b++;
            }
            pairs.add(new DartsEdge(ops.get(rng.nextInt(ops.size())), a));
            pairs.add(new DartsEdge(ops.get(rng.nextInt(ops.size())), b));
        }
        return pairs;
    }

    /**
     * Reads a genotype off the architecture weights, as DARTS's {@code genotype()._parse}: with
     * W = α ⊙ β, each node keeps the two incoming edges whose best non-{@code none} weight is
     * largest, and each kept edge takes its best non-{@code none} op; ties go to the lower edge or
     * op index. Pairs are listed in rank order; both cells concatenate all four nodes.
     * @param ops The ops indexing α's columns ({@code none} may be absent).
     * @param alpha α [28][ops.size()]: normal-cell rows, then reduction-cell rows.
     * @param beta β [28], or null for unweighted edges (all 1).
     * @return The genotype.
     * @throws IllegalArgumentException if the shapes do not match or every op is {@code none}.
     */
    public static DartsGenotype derive(List<DartsOp> ops, float[][] alpha, float[] beta) {
        return DartsDerivation.derive(ops, alpha, beta);
    }

    /**
     * Parses the text form (the PyTorch {@code Genotype} repr).
     * @param text The text.
     * @return The genotype.
     * @throws org.tribuo.nas.space.GenotypeFormatException naming the position and the problem.
     */
    public static DartsGenotype parse(String text) {
        return new DartsGenotypeParser(text).parse();
    }

    /**
     * The normal and reduction cells as graphs: inputs c_{k-2} and c_{k-1}, intermediate nodes
     * 0..3 (states 2..5), and the output c_k that concatenates the concat nodes.
     * @return Two cell graphs, normal first.
     */
    @Override
    public List<CellGraph> cells() {
        return List.of(graph("normal", normal, normalConcat), graph("reduce", reduce, reduceConcat));
    }

    private static CellGraph graph(String name, List<DartsEdge> edges, List<Integer> concat) {
        List<String> nodes = List.of("k-2 (input)", "k-1 (input)", "0", "1", "2", "3", "k (output)");
        List<CellGraph.Edge> out = new ArrayList<>();
        for (int i = 0; i < edges.size(); i++) {
            DartsEdge e = edges.get(i);
            out.add(new CellGraph.Edge(e.input(), 2 + i / 2, e.op().opName()));
        }
        for (int state : concat) {
            out.add(new CellGraph.Edge(state, nodes.size() - 1, "concat"));
        }
        return new CellGraph(name, nodes, out);
    }

    @Override
    public String spaceName() {
        return SPACE_NAME;
    }

    /**
     * The pairs of a cell.
     * @param reduction True for the reduction cell.
     * @return The 8 pairs, node by node.
     */
    public List<DartsEdge> cell(boolean reduction) {
        return reduction ? reduce : normal;
    }

    /**
     * The states concatenated into a cell's output.
     * @param reduction True for the reduction cell.
     * @return The state indices.
     */
    public List<Integer> concat(boolean reduction) {
        return reduction ? reduceConcat : normalConcat;
    }

    /**
     * The normal cell's pairs.
     * @return The 8 pairs, node by node.
     */
    public List<DartsEdge> normal() {
        return normal;
    }

    /**
     * The states concatenated into the normal cell's output.
     * @return The state indices.
     */
    public List<Integer> normalConcat() {
        return normalConcat;
    }

    /**
     * The reduction cell's pairs.
     * @return The 8 pairs, node by node.
     */
    public List<DartsEdge> reduce() {
        return reduce;
    }

    /**
     * The states concatenated into the reduction cell's output.
     * @return The state indices.
     */
    public List<Integer> reduceConcat() {
        return reduceConcat;
    }

    /**
     * The PyTorch {@code Genotype} repr, which {@link #parse(String)} reads back.
     * @return The text form.
     */
    @Override
    public String toString() {
        return "Genotype(normal=" + normal + ", normal_concat=" + normalConcat + ", reduce=" + reduce
                + ", reduce_concat=" + reduceConcat + ")";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DartsGenotype)) {
            return false;
        }
        DartsGenotype g = (DartsGenotype) o;
        return normal.equals(g.normal) && normalConcat.equals(g.normalConcat) && reduce.equals(g.reduce)
                && reduceConcat.equals(g.reduceConcat);
    }

    @Override
    public int hashCode() {
        return Objects.hash(normal, normalConcat, reduce, reduceConcat);
    }
}
