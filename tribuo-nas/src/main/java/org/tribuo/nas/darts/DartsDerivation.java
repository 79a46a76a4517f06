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

import java.util.ArrayList;
import java.util.List;

/**
 * DARTS's {@code _parse}: reads the discrete cells off α (and β).
 */
final class DartsDerivation {

    private DartsDerivation() {}

    static DartsGenotype derive(List<DartsOp> ops, float[][] alpha, float[] beta) {
        if (alpha.length != DartsCellLayout.ALPHA_ROWS) {
            throw new IllegalArgumentException("expected " + DartsCellLayout.ALPHA_ROWS + " rows of α, got " + alpha.length);
        }
        if (beta != null && beta.length != DartsCellLayout.ALPHA_ROWS) {
            throw new IllegalArgumentException("expected " + DartsCellLayout.ALPHA_ROWS + " entries of β, got " + beta.length);
        }
        if (!ops.stream().anyMatch(op -> op != DartsOp.NONE)) {
            throw new IllegalArgumentException("cannot derive a genotype when every op is none: " + ops);
        }
        for (float[] row : alpha) {
            if (row.length != ops.size()) {
                throw new IllegalArgumentException("expected " + ops.size() + " columns of α, got " + row.length);
            }
        }
        return new DartsGenotype(cell(ops, alpha, beta, false), cell(ops, alpha, beta, true));
    }

    private static List<DartsEdge> cell(List<DartsOp> ops, float[][] alpha, float[] beta, boolean reduction) {
        List<DartsEdge> pairs = new ArrayList<>(DartsCellLayout.PAIRS);
        for (int node = 0; node < DartsCellLayout.NODES; node++) {
            int inputs = DartsCellLayout.inputsOf(node);
            int[] bestOp = new int[inputs];
            float[] score = new float[inputs];
            for (int j = 0; j < inputs; j++) {
                int row = DartsCellLayout.alphaRow(reduction, DartsCellLayout.firstEdge(node) + j);
                float scale = beta == null ? 1f : beta[row];
                bestOp[j] = -1;
                for (int k = 0; k < ops.size(); k++) {
                    if (ops.get(k) != DartsOp.NONE) {
                        float w = alpha[row][k] * scale;
                        if (bestOp[j] < 0 || w > score[j]) {
                            bestOp[j] = k;
                            score[j] = w;
                        }
                    }
                }
            }
            int first = top(score, -1);
            int second = top(score, first);
            pairs.add(new DartsEdge(ops.get(bestOp[first]), first));
            pairs.add(new DartsEdge(ops.get(bestOp[second]), second));
        }
        return pairs;
    }

    /** The index of the largest score other than {@code skip}, the lower index on ties. */
    private static int top(float[] score, int skip) {
        int best = -1;
        for (int j = 0; j < score.length; j++) {
            if (j != skip && (best < 0 || score[j] > score[best])) {
                best = j;
            }
        }
        return best;
    }
}
