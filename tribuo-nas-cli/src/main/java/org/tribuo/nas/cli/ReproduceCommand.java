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

package org.tribuo.nas.cli;

import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.IDXDataSource;
import org.tribuo.nas.GaeaModel;
import org.tribuo.nas.experiment.ConfigOverride;
import org.tribuo.nas.experiment.ExperimentConfig;
import org.tribuo.nas.repro.ModelReproducer;
import org.tribuo.nas.repro.Reproduction;
import org.tribuo.nas.repro.Verdict;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * {@code tribuo-nas reproduce}: retrains a saved model from its provenance and compares.
 */
final class ReproduceCommand implements Command {

    @Override
    public String name() {
        return "reproduce";
    }

    @Override
    public String summary() {
        return "retrain a saved model from its provenance and compare genotype and predictions";
    }

    @Override
    public String synopsis() {
        return "--model FILE [--set trainer.FIELD=VALUE | --set train-source.FIELD=VALUE]... [--idx IMAGES LABELS] [--no-progress]";
    }

    @Override
    public String description() {
        return """
                Rebuilds the trainer and the training data source from the model's provenance alone,
                retrains, and compares: the genotype, and every prediction (label and every score, exactly)
                on the training data (and on --idx data if given). Prints the provenance entries that differ.
                The data files must be where the provenance says (override a moved file with e.g.
                --set train-source.featuresPath=NEW/train-images-idx3-ubyte.gz).
                The verdict is IDENTICAL (same genotype, every score bit for bit: promised on the same machine type and
                thread count), EQUIVALENT (same genotype, labels agree on at least 99% of the examples: promised
                elsewhere) or DIFFERENT, with the evidence (label agreement, largest score difference, accuracies, the
                first search or final-training epoch where the runs departed) and the environment differences.
                Exit code 0 for IDENTICAL or EQUIVALENT (with --strict only IDENTICAL), 1 otherwise.""";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.value("model", "FILE", "the model file written by search (required)"),
                new OptionSpec("set", List.of("COMPONENT.FIELD=VALUE"), true,
                        "override a field of the rebuilt 'trainer' or 'train-source' (repeatable)"),
                new OptionSpec("idx", List.of("IMAGES", "LABELS"), false, "also compare predictions on these IDX files"),
                OptionSpec.flag("no-progress", "no progress bar, only one line per epoch"),
                OptionSpec.flag("strict", "exit with 0 only for an IDENTICAL reproduction"));
    }

    @Override
    public int run(ParsedArguments args, Console console) throws Exception {
        Path file = Paths.get(args.required("model"));
        ModelReproducer reproducer = new ModelReproducer();
        for (ConfigOverride o : SearchCommand.overrides(args)) {
            switch (o.component()) {
                case ExperimentConfig.TRAINER -> reproducer.overrideTrainer(o.field(), o.value());
                case ExperimentConfig.TRAIN_SOURCE -> reproducer.overrideSource(o.field(), o.value());
                default -> throw new UsageException("option '--set " + o + "': reproduce can only override '"
                        + ExperimentConfig.TRAINER + "' and '" + ExperimentConfig.TRAIN_SOURCE + "' fields");
            }
        }
        MutableDataset<Label> extra = null;
        if (args.has("idx")) {
            List<String> idx = args.values("idx").orElseThrow();
            for (String p : idx) {
                if (!Files.isRegularFile(Paths.get(p))) {
                    throw new IOException("IDX file '" + p + "' does not exist");
                }
            }
            extra = new MutableDataset<>(new IDXDataSource<>(Paths.get(idx.get(0)), Paths.get(idx.get(1)), new LabelFactory()));
        }
        reproducer.progress(new ConsoleProgress(console.out(), console.progressBar() && !args.has("no-progress")
                ? console.err() : null));
        try (GaeaModel model = SavedModels.loadOnTrainingDevice(file)) {
            console.out().println("Model: " + file + " (genotype " + model.genotype() + ")");
            console.out().println("Retraining from the provenance...");
            Reproduction r = reproducer.reproduce(model, extra);
            console.out().println();
            console.out().print(r.report());
            Verdict verdict = r.verdict();
            boolean accepted = verdict == Verdict.IDENTICAL || (verdict == Verdict.EQUIVALENT && !args.has("strict"));
            return accepted ? TribuoNasCli.EXIT_OK : TribuoNasCli.EXIT_DIFFERENT;
        }
    }
}
