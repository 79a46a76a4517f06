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

import org.tribuo.nas.train.FinalTraining;
import org.tribuo.nas.GaeaTrainer;
import org.tribuo.nas.cost.CostModel;
import org.tribuo.nas.cost.OpCosts;
import org.tribuo.nas.data.ImageData;
import org.tribuo.nas.data.Normalization;
import org.tribuo.nas.examples.ExampleArgs;
import org.tribuo.nas.examples.FashionMnist;
import org.tribuo.nas.space.CostDecomposition;
import org.tribuo.nas.space.Genotype;
import org.tribuo.nas.space.SearchSpace;
import org.tribuo.nas.runtime.DjlRuntime;
import org.tribuo.nas.train.FinalTrainingConfig;
import org.tribuo.nas.train.NetworkTrainer;
import org.tribuo.nas.train.TrainedNetwork;
import org.tribuo.nas.loop.TrainingProgress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The baseline of a cost-aware search (issue 36): random NAS-Bench-201 cells whose predicted
 * latency is within a tolerance of the configuration's target, each trained from scratch on
 * Fashion-MNIST with the main job's final training (C=16, one cell per stage, batch 128, learning
 * rate 0.05, one final-training seed for all), measured as served and tested.
 * <pre>
 *   scripts/run-bench.sh org.tribuo.nas.examples.cost.SimilarLatencyCells --config examples/config/cost-aware.xml \
 *       [--cells 3] [--tolerance 0.15] [--seed 11] [--train-epochs 3] [--data /usr/share/datasets/fashion-mnist]
 * </pre>
 */
public final class SimilarLatencyCells {

    private SimilarLatencyCells() {}

    /**
     * Runs the baseline.
     * @param args See the class documentation.
     * @throws IOException If the data cannot be read.
     */
    public static void main(String[] args) throws IOException {
        DjlRuntime.preferOffline();
        ExampleArgs a = new ExampleArgs(args);
        ConfigurationManager cm = new ConfigurationManager(new String[]{"--config-file", a.get("config", "")});
        GaeaTrainer trainer = (GaeaTrainer) cm.lookup("trainer");
        CostModel costs = trainer.costModel();
        SearchSpace space = trainer.space();
        CostDecomposition parts = CostModel.decomposition(space);
        FashionMnist fashion = FashionMnist.load(Path.of(a.get("data", "/usr/share/datasets/fashion-mnist")));
        ImageData train = fashion.train();
        ImageData test = fashion.test();
        Normalization norm = Normalization.fit(train);
        Shape example = new Shape(train.shape().channels(), train.shape().height(), train.shape().width());
        OpCosts table = costs.measure(space, example, fashion.classes());
        double target = costs.target();
        double tolerance = Double.parseDouble(a.get("tolerance", "0.15"));
        System.out.println("# target " + table.metric().format(target) + ", cells predicted within ±" + tolerance
                + "; " + table.measuredOn());
        System.out.println("| cell | predicted | measured | test accuracy |");
        System.out.println("|---|---|---|---|");
        SplittableRandom rng = new SplittableRandom(a.getInt("seed", 11));
        int found = 0;
        for (int draws = 0; found < a.getInt("cells", 3) && draws < 100_000; draws++) {
            Genotype cell = space.randomGenotype(rng);
            double predicted = table.predict(parts.opChoices(cell));
            if (Math.abs(predicted - target) > tolerance * target) {
                continue;
            }
            found++;
            FinalTrainingConfig config = FinalTrainingConfig.of(space, FinalTraining.builder()
                    .epochs(a.getInt("train-epochs", 3)).batchSize(128).learningRate(0.05f, 0f).build(), 7, "cpu");
            try (TrainedNetwork net = new NetworkTrainer(config).train(space, cell, train, fashion.classes(), norm,
                    TrainingProgress.NONE)) {
                double measured = costs.measureNetwork(net.block(), example);
                System.out.printf(Locale.ROOT, "| `%s` | %s | %s | %.4f |%n", cell, table.metric().format(predicted),
                        table.metric().format(measured), net.accuracy(test));
            }
        }
    }
}
