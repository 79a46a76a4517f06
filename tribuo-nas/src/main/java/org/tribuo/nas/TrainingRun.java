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
package org.tribuo.nas;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;


import org.tribuo.Dataset;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.nas.checkpoint.RunCheckpoints;
import org.tribuo.nas.checkpoint.RunFingerprint;
import org.tribuo.nas.cost.CostModel;
import org.tribuo.nas.cost.CostPenalty;
import org.tribuo.nas.data.ExampleTensorizer;
import org.tribuo.nas.data.ImageShape;
import org.tribuo.nas.data.ImageData;
import org.tribuo.nas.data.InputFormat;
import org.tribuo.nas.data.Normalization;
import org.tribuo.nas.numerics.CheckedConvolutions;
import org.tribuo.nas.numerics.ConvVerdict;
import org.tribuo.nas.numerics.ConvolutionAudit;
import org.tribuo.nas.search.GaeaSearch;
import org.tribuo.nas.search.SearchConfig;
import org.tribuo.nas.search.SearchMethod;
import org.tribuo.nas.search.RandomCellDraw;
import org.tribuo.nas.search.SearchResult;
import org.tribuo.nas.search.SearchSchedule;
import org.tribuo.nas.space.SearchSpace;
import org.tribuo.nas.space.SupernetSettings;
import org.tribuo.nas.runtime.Devices;
import org.tribuo.nas.train.FinalTraining;
import org.tribuo.nas.train.FinalTrainingConfig;
import org.tribuo.nas.train.NetworkTrainer;
import org.tribuo.nas.train.TrainedNetwork;
import org.tribuo.nas.loop.TrainingProgress;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * One {@code train} call of a {@link GaeaTrainer}: tensorize the data, search, train the found
 * network from scratch, and assemble the model with its provenance; checkpointed in the run's
 * folder when there is one.
 */
final class TrainingRun {

    private static final Logger logger = Logger.getLogger(TrainingRun.class.getName());

    private final SearchSpace space;
    private final TrainerParts parts;
    private final SearchSchedule schedule;
    private final FinalTraining finalTraining;
    private final InputFormat input;
    private final int predictBatchSize;
    private final String device;
    private final boolean checkConvolutions;
    private final CostModel costModel;
    private final boolean randomCell;
    private final TrainingProgress progress;
    private final SearchMethod method;

    TrainingRun(TrainerParts parts, int predictBatchSize, String device, boolean checkConvolutions, CostModel costModel,
                boolean randomCell, TrainingProgress progress) {
        this.space = parts.space();
        this.parts = parts;
        this.schedule = parts.search();
        this.finalTraining = parts.finalTraining();
        this.input = parts.input();
        this.predictBatchSize = predictBatchSize;
        this.device = device;
        this.checkConvolutions = checkConvolutions;
        this.costModel = costModel;
        this.randomCell = randomCell;
        this.progress = progress;
        this.method = parts.method();
    }

    GaeaModel train(Dataset<Label> examples, Map<String, Provenance> runProvenance, TrainerProvenance trainerProvenance,
                    String resolvedSettings, long runSeed, Path checkpointDirectory) {
        ImmutableOutputInfo<Label> labels = examples.getOutputIDInfo();
        checkTrainable(examples, labels);
        ExampleTensorizer tensorizer = input.fit(examples);
        ImageData data = tensorizer.tensorize(examples, labels);
        Normalization norm = Normalization.fit(data);
        SplittableRandom seeds = new SplittableRandom(runSeed);
        long searchSeed = seeds.nextLong();
        long subsetSeed = seeds.nextLong();
        long finalSeed = seeds.nextLong();
        long finalSubsetSeed = seeds.nextLong();

        ImageData searchData = subset(data, schedule.examples(), subsetSeed);
        ImageData finalData = subset(data, finalTraining.examples(), finalSubsetSeed);
        schedule.checkFits(searchData.size());
        finalTraining.checkFits(finalData.size());
        finalTraining.checkFits(data.shape());
        try (RunCheckpoints checkpoints = checkpointDirectory == null ? RunCheckpoints.disabled()
                : RunCheckpoints.open(checkpointDirectory, RunFingerprint.of(trainerProvenance, data, labelNames(labels)));
             ConvolutionAudit audit = ConvolutionAudit.open(checkConvolutions)) {
            Duration checkedBefore = CheckedConvolutions.checkTime();
            CostPenalty penalty = costModel == null ? null : RunCost.penalty(costModel, space, data.shape(), labels.size());
            SearchResult found = randomCell ? drawn(penalty, searchSeed)
                    : search(searchData, data.size(), labels.size(), norm, searchSeed, penalty, checkpoints);
            TrainedNetwork network = trainFound(found, finalData, labels.size(), norm, finalSeed, checkpoints);
            logCheck(audit, CheckedConvolutions.checkTime().minus(checkedBefore));
            Map<String, Provenance> instance = instanceProvenance(runProvenance, found, network, resolvedSettings);
            instance.putAll(convolutionProvenance(audit));
            if (penalty != null) {
                instance.putAll(RunCost.provenance(costModel, space, penalty, found, network));
            }
            ModelProvenance provenance = new ModelProvenance(GaeaModel.class.getName(), OffsetDateTime.now(),
                    examples.getProvenance(), trainerProvenance, instance);
            return new GaeaModel("gaea-" + space.name(), provenance, examples.getFeatureIDMap(), labels, network,
                    tensorizer, found.alpha(), found.beta(), space.ops(), found.history().toJson(), predictBatchSize);
        }
    }

    private static void checkTrainable(Dataset<Label> examples, ImmutableOutputInfo<Label> labels) {
        if (examples.size() == 0) {
            throw new IllegalArgumentException("GaeaTrainer cannot train on an empty dataset");
        }
        if (labels.size() < 2) {
            throw new IllegalArgumentException("GaeaTrainer needs at least two classes, the dataset has "
                    + labels.size() + " " + labels.getDomain());
        }
    }

    private SearchResult search(ImageData searchData, int allExamples, int numClasses, Normalization norm, long searchSeed,
                                CostPenalty penalty, RunCheckpoints checkpoints) {
        SupernetSettings supernet = space.supernetSettings();
        SearchConfig config = parts.searchConfig(searchSeed, device);
        logger.info(() -> String.format(Locale.ROOT, "%s search: %s, %s, C=%d depth %d, %d epochs on %d of %d examples",
                method, space, schedule.scheme(), supernet.channels(), supernet.depth(), schedule.epochs(),
                searchData.size(), allExamples));
        return new GaeaSearch(config, penalty).run(searchData, numClasses, norm, progress, checkpoints);
    }

    /** The random baseline: a cell drawn instead of searched. */
    private SearchResult drawn(CostPenalty penalty, long searchSeed) {
        SearchResult found = RandomCellDraw.draw(space, penalty, searchSeed);
        logger.info(() -> "random cell instead of a search (randomCell=true)" + (penalty == null ? "" : ", within the budget")
                + ": " + found.genotype());
        return found;
    }

    private TrainedNetwork trainFound(SearchResult found, ImageData finalData, int numClasses, Normalization norm,
                                      long finalSeed, RunCheckpoints checkpoints) {
        FinalTrainingConfig config = finalTraining.config(space, finalSeed, device);
        logger.info(() -> "training " + found.genotype() + " from scratch: C=" + config.channels() + " depth "
                + config.depth() + ", " + config.epochs() + " epochs on " + finalData.size() + " examples");
        return new NetworkTrainer(config).train(space, found.genotype(), finalData, numClasses, norm, progress, checkpoints);
    }

    private static Map<String, Provenance> instanceProvenance(Map<String, Provenance> runProvenance, SearchResult found,
                                                              TrainedNetwork network, String resolvedSettings) {
        Map<String, Provenance> instance = new HashMap<>(runProvenance);
        instance.put(GaeaModel.GENOTYPE, new StringProvenance(GaeaModel.GENOTYPE, found.genotype().toString()));
        instance.put(GaeaModel.ALPHA, new StringProvenance(GaeaModel.ALPHA, Arrays.deepToString(found.alpha())));
        instance.put(GaeaModel.MEAN_ENTROPY, new DoubleProvenance(GaeaModel.MEAN_ENTROPY, found.meanEntropy()));
        instance.put(GaeaModel.DEVICE, new StringProvenance(GaeaModel.DEVICE, Devices.name(network.device())));
        instance.put(GaeaTrainer.RESOLVED_SETTINGS, new StringProvenance(GaeaTrainer.RESOLVED_SETTINGS, resolvedSettings));
        instance.put(GaeaModel.FINAL_TRAINING_LOSSES, new StringProvenance(GaeaModel.FINAL_TRAINING_LOSSES,
                network.trainingHistory().stream().map(e -> Double.toString(e.trainLoss())).collect(Collectors.joining(","))));
        if (found.beta() != null) {
            instance.put(GaeaModel.BETA, new StringProvenance(GaeaModel.BETA, Arrays.toString(found.beta())));
        }
        return instance;
    }

    /** What the convolution self-check did in this run, for the model's provenance. */
    private static Map<String, Provenance> convolutionProvenance(ConvolutionAudit audit) {
        Map<String, Provenance> facts = new HashMap<>();
        List<ConvVerdict> used = audit.verdicts();
        List<ConvVerdict> routed = audit.routed();
        String check = audit.checking()
                ? String.format(Locale.ROOT, "on: %d signatures checked against float64, %d routed; measurements kept in %s",
                        used.size(), routed.size(), CheckedConvolutions.storeFile().map(Object::toString).orElse("this process only"))
                : "off: switched off by the trainer's checkConvolutions=false; gradients were not checked";
        facts.put(GaeaModel.CONVOLUTION_CHECK, new StringProvenance(GaeaModel.CONVOLUTION_CHECK, check));
        facts.put(GaeaModel.CONVOLUTIONS_CHECKED, new StringProvenance(GaeaModel.CONVOLUTIONS_CHECKED, routes(used)));
        facts.put(GaeaModel.CONVOLUTIONS_ROUTED, new StringProvenance(GaeaModel.CONVOLUTIONS_ROUTED, routes(routed)));
        if (!routed.isEmpty()) {
            logger.info(() -> "convolutions routed around the engine's kernels (docs/known-issues.md): " + routes(routed));
        }
        return facts;
    }

    private static void logCheck(ConvolutionAudit audit, Duration spent) {
        if (audit.checking()) {
            logger.info(() -> String.format(Locale.ROOT, "convolution self-check: %d signatures, %d routed, %.3f s checking"
                            + " (%d shapes measured before on this machine kind, from %s)",
                    audit.verdicts().size(), audit.routed().size(), spent.toNanos() / 1e9, CheckedConvolutions.storedShapesUsed(),
                    CheckedConvolutions.storeFile().map(Object::toString).orElse("no store")));
        } else {
            logger.warning("convolution self-check switched off (checkConvolutions=false): the engine's gradients were not checked");
        }
    }

    private static String routes(List<ConvVerdict> verdicts) {
        return verdicts.stream().map(v -> v.signature().describe() + " -> " + v.route()).collect(Collectors.joining("; "));
    }

    private static List<String> labelNames(ImmutableOutputInfo<Label> labels) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            names.add(labels.getOutput(i).getLabel());
        }
        return names;
    }

    /** A seeded random subset of the given size, in the data's order; all of it when size is 0 or too large. */
    private static ImageData subset(ImageData data, int size, long seed) {
        if (size <= 0 || size >= data.size()) {
            return data;
        }
        int n = data.size();
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] chosen = Arrays.copyOf(all, size);
        Arrays.sort(chosen);
        return data.subset(chosen);
    }
}
