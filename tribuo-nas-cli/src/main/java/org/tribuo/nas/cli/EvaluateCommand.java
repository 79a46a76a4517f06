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

import org.tribuo.ConfigurableDataSource;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.IDXDataSource;
import org.tribuo.interop.onnx.ONNXExternalModel;
import org.tribuo.nas.GaeaModel;
import org.tribuo.nas.experiment.EvaluationReport;
import org.tribuo.nas.experiment.ExperimentConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * {@code tribuo-nas evaluate}: evaluates a saved model on a configuration's test source or on IDX files.
 */
final class EvaluateCommand implements Command {

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String summary() {
        return "evaluate a saved model on a configuration's test-source or on IDX files";
    }

    @Override
    public String synopsis() {
        return "--model FILE (--config FILE [--set COMPONENT.FIELD=VALUE]... | --idx IMAGES LABELS) [--device D]";
    }

    @Override
    public String description() {
        return """
                Evaluates a saved model (accuracy, per-class precision/recall/F1, confusion matrix) on the
                'test-source' component of a configuration file, or on a pair of IDX files (gzipped or not).
                A model file ending in .onnx (from 'export' or 'search --onnx') runs in ONNX Runtime.""";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.value("model", "FILE", "the model file written by search, or its .onnx export (required)"),
                OptionSpec.value("config", "FILE", "a configuration file with a 'test-source' component"),
                new OptionSpec("set", List.of("COMPONENT.FIELD=VALUE"), true, "override a configured field (with --config)"),
                new OptionSpec("idx", List.of("IMAGES", "LABELS"), false, "IDX image and label files to evaluate on"),
                OptionSpec.value("device", "D", "auto, cpu, gpu or gpu:N (default: auto)"));
    }

    @Override
    public int run(ParsedArguments args, Console console) throws Exception {
        Path modelFile = Paths.get(args.required("model"));
        boolean hasConfig = args.has("config");
        boolean hasIdx = args.has("idx");
        if (hasConfig == hasIdx) {
            throw new UsageException(hasConfig ? "give either '--config' or '--idx', not both"
                    : "missing the data to evaluate on: give '--config FILE' or '--idx IMAGES LABELS'");
        }
        if (!hasConfig && args.has("set")) {
            throw new UsageException("option '--set' only applies with '--config'");
        }
        String dataName;
        ConfigurableDataSource<Label> source;
        if (hasConfig) {
            Path configFile = Paths.get(args.required("config"));
            ExperimentConfig config = SearchCommand.load(configFile, SearchCommand.overrides(args));
            if (!config.hasTestSource()) {
                throw new IOException(configFile + " has no '" + ExperimentConfig.TEST_SOURCE + "' component to evaluate on");
            }
            source = config.testSource().orElseThrow();
            dataName = "test-source of " + configFile;
        } else {
            List<String> idx = args.values("idx").orElseThrow();
            Path images = Paths.get(idx.get(0));
            Path labels = Paths.get(idx.get(1));
            for (Path p : List.of(images, labels)) {
                if (!Files.isRegularFile(p)) {
                    throw new IOException("IDX file '" + p + "' does not exist");
                }
            }
            source = new IDXDataSource<>(images, labels, new LabelFactory());
            dataName = images.getFileName() + " / " + labels.getFileName();
        }
        MutableDataset<Label> data = new MutableDataset<>(source);
        if (OnnxModels.isOnnx(modelFile)) {
            ONNXExternalModel<Label> model = OnnxModels.load(modelFile);
            try {
                EvaluationReport.checkLabelsKnown(model.getOutputIDInfo().getDomain(), data, dataName);
                console.out().println("Model: " + modelFile + " (ONNX, run by ONNX Runtime on the CPU)");
                console.out().println();
                console.out().print(EvaluationReport.evaluate(model, data, dataName).text());
            } finally {
                model.close();
            }
            return TribuoNasCli.EXIT_OK;
        }
        try (GaeaModel model = SavedModels.load(modelFile, args.value("device").orElse("auto"))) {
            EvaluationReport.checkLabelsKnown(model.getOutputIDInfo().getDomain(), data, dataName);
            console.out().println("Model: " + modelFile + " (genotype " + model.genotype() + ")");
            console.out().println();
            console.out().print(EvaluationReport.evaluate(model, data, dataName).text());
        }
        return TribuoNasCli.EXIT_OK;
    }
}
