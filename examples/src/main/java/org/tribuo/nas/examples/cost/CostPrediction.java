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

package org.tribuo.nas.examples.cost;

import ai.djl.ndarray.types.Shape;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;

import org.tribuo.nas.GaeaTrainer;
import org.tribuo.nas.cost.CostModel;
import org.tribuo.nas.cost.OpCosts;
import org.tribuo.nas.examples.ExampleArgs;
import org.tribuo.nas.space.CostDecomposition;
import org.tribuo.nas.space.SearchSpace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How well a network's cost is predicted from its ops' costs (issue 36: within ±20 % for 10
 * random cells): measures the op-cost table of a configuration's space, then builds the cheapest,
 * the most expensive and N random cells as whole networks, measures each as it will be served and
 * prints predicted against measured in a table.
 * <pre>
 *   scripts/run-bench.sh org.tribuo.nas.examples.cost.CostPrediction --config examples/config/cost-aware.xml \
 *       --shape 1,28,28 --classes 10 [--cells 10] [--seed 1] [--rounds 3]
 * </pre>
 * The configuration's trainer must have a costModel (its target is not used here).
 */
public final class CostPrediction {

    private CostPrediction() {}

    /**
     * Runs the comparison.
     * @param args {@code --config}, {@code --shape C,H,W}, {@code --classes}, optional {@code --cells} and {@code --seed}.
     */
    public static void main(String[] args) {
        ExampleArgs a = new ExampleArgs(args);
        ConfigurationManager cm = new ConfigurationManager(new String[]{"--config-file", a.get("config", "")});
        GaeaTrainer trainer = (GaeaTrainer) cm.lookup("trainer");
        CostModel costs = trainer.costModel();
        if (costs == null) {
            throw new IllegalArgumentException("the trainer in " + a.get("config", "") + " has no costModel");
        }
        long[] dims = java.util.Arrays.stream(a.get("shape", "1,28,28").split(",")).mapToLong(Long::parseLong).toArray();
        Shape example = new Shape(dims);
        int classes = a.getInt("classes", 10);
        SearchSpace space = trainer.space();
        CostDecomposition parts = CostModel.decomposition(space);
        OpCosts table = costs.measure(space, example, classes);
        System.out.println("# space " + space + ", example " + example + ", " + classes + " classes");
        System.out.println("# " + table.measuredOn());
        System.out.println("# per-op costs (summed over each row's sites), rows = edges, columns = " + space.ops());
        for (int r = 0; r < table.rows(); r++) {
            StringBuilder row = new StringBuilder("#   " + space.edgeName(r));
            for (int k = 0; k < space.ops().size(); k++) {
                row.append(String.format(Locale.ROOT, "  %10.4f", table.cost(r, k)));
            }
            System.out.println(row);
        }
        List<int[]> cells = new ArrayList<>();
        cells.add(table.cheapestChoices());
        cells.add(table.dearestChoices());
        SplittableRandom rng = new SplittableRandom(a.getInt("seed", 1));
        for (int i = 0; i < a.getInt("cells", 10); i++) {
            cells.add(parts.opChoices(space.randomGenotype(rng)));
        }
        // Each network is measured in ROUNDS rounds, cells in turn, and its median round is kept: a
        // phase of load on the machine then touches one round of every cell, not all of one cell's.
        int rounds = a.getInt("rounds", 3);
        double[][] measured = new double[cells.size()][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < cells.size(); i++) {
                measured[i][round] = costs.measureNetwork(space, parts.genotype(cells.get(i)), example, classes);
            }
        }
        System.out.println("| cell | predicted | measured (median of " + rounds + " rounds) | error |");
        System.out.println("|---|---|---|---|");
        double worst = 0;
        for (int i = 0; i < cells.size(); i++) {
            int[] choices = cells.get(i);
            double predicted = table.predict(choices);
            double[] m = measured[i].clone();
            java.util.Arrays.sort(m);
            double median = m[rounds / 2];
            double error = (predicted - median) / median;
            if (i >= 2) {
                worst = Math.max(worst, Math.abs(error));
            }
            System.out.printf(Locale.ROOT, "| `%s`%s | %s | %s | %+.1f %% |%n", parts.genotype(choices),
                    i == 0 ? " (cheapest)" : i == 1 ? " (dearest)" : "", table.metric().format(predicted),
                    table.metric().format(median), 100 * error);
        }
        System.out.printf(Locale.ROOT, "# largest |error| of the %d random cells: %.1f %%%n", cells.size() - 2, 100 * worst);
    }
}
