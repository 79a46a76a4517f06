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


package org.tribuo.nas.examples.parity;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.tribuo.nas.search.SearchSchedule;
import org.tribuo.nas.nb201.Nb201Space;
import org.tribuo.nas.nb201.Nb201SearchSpace;
import org.tribuo.nas.data.ImageData;
import org.tribuo.nas.examples.ExampleArgs;
import org.tribuo.nas.data.Normalization;
import org.tribuo.nas.search.EpochRecord;
import org.tribuo.nas.search.GaeaSearch;
import org.tribuo.nas.search.SearchConfig;
import org.tribuo.nas.loop.TrainingProgress;
import org.tribuo.nas.runtime.DjlRuntime;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tribuo-nas side of the search-loss parity check (scripts/search-parity.sh): GAEA searches
 * of the NAS-Bench-201 space on the first Fashion-MNIST training images, one JSON line per search
 * epoch (training loss and accuracy, mean edge entropy, genotype) on stdout. The PyTorch side is
 * {@code bench/pytorch/search_parity.py search} with the same settings.
 * <pre>
 *   scripts/run-bench.sh org.tribuo.nas.examples.parity.SearchParity --seed 1 [--images 2000]
 *       [--epochs 8] [--channels 16] [--cells 1] [--batch 64] [--data /usr/share/datasets/fashion-mnist]
 * </pre>
 * Settings: single-level, EG η = 0.1, SGD 0.025 → 0.001 cosine over the run's epochs, momentum 0.9,
 * weight decay 3e-4, clip 5; normalization fitted on the searched images.
 */
public final class SearchParity {

    private SearchParity() {}

    /**
     * Runs one search.
     * @param args {@code --name value} pairs, see the class documentation.
     * @throws IOException If the data cannot be read.
     */
    public static void main(String[] args) throws IOException {
        DjlRuntime.preferOffline();
        ExampleArgs o = new ExampleArgs(args);
        ImageData data = FashionMnistHead.load(Paths.get(o.get("data", "/usr/share/datasets/fashion-mnist")),
                o.getInt("images", 2000));
        Normalization norm = Normalization.fit(data);
        int epochs = o.getInt("epochs", 8);
        long seed = o.getInt("seed", 1);
        Nb201SearchSpace space = Nb201SearchSpace.builder().searchNetwork(o.getInt("channels", 16), o.getInt("cells", 1)).build();
        SearchConfig config = SearchConfig.gaea(space, SearchSchedule.builder().epochs(epochs).lrPeriodEpochs(epochs)
                .batchSize(o.getInt("batch", 64)).build(), seed, "cpu");
        ObjectMapper json = new ObjectMapper();
        new GaeaSearch(config).run(data, 10, norm, TrainingProgress.eachEpoch(EpochRecord.class, r -> {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("side", "tribuo-nas");
                line.put("seed", seed);
                line.put("epoch", r.epoch());
                line.put("lr", r.weightLearningRate());
                line.put("loss", r.trainLoss());
                line.put("accuracy", r.trainAccuracy());
                line.put("entropy", r.meanEntropy());
                line.put("genotype", r.genotype());
                line.put("seconds", r.seconds());
                try {
                    System.out.println(json.writeValueAsString(line));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }));
    }
}
