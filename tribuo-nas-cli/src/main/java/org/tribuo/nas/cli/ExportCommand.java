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

import org.tribuo.nas.GaeaModel;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * {@code tribuo-nas export}: writes a saved model as ONNX, for serving without DJL or libtorch.
 */
final class ExportCommand implements Command {

    /** The ONNX model domain unless --domain says otherwise. */
    static final String DEFAULT_DOMAIN = "org.tribuo.nas";

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "export a saved model to ONNX (feature placement, normalization, network, softmax)";
    }

    @Override
    public String synopsis() {
        return "--model FILE --onnx FILE [--domain NAME] [--model-version N]";
    }

    @Override
    public String description() {
        return """
                Writes the model as an ONNX graph that takes the feature vector in feature-id order and returns the
                class probabilities, with the feature and label names and the Tribuo provenance in its metadata.
                ONNX Runtime alone runs it (docs/serving.md); 'evaluate --model FILE.onnx' checks it.""";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.value("model", "FILE", "the model file written by search (required)"),
                OptionSpec.value("onnx", "FILE", "the ONNX file to write (required)"),
                OptionSpec.value("domain", "NAME", "the ONNX model domain (default: " + DEFAULT_DOMAIN + ")"),
                OptionSpec.value("model-version", "N", "the ONNX model version (default: 1)"));
    }

    @Override
    public int run(ParsedArguments args, Console console) throws Exception {
        Path modelFile = Paths.get(args.required("model"));
        Path onnxFile = Paths.get(args.required("onnx"));
        if (!OnnxModels.isOnnx(onnxFile)) {
            throw new UsageException("'--onnx' must name a file ending in " + OnnxModels.EXTENSION + ", got '" + onnxFile + "'");
        }
        long version;
        try {
            version = Long.parseLong(args.value("model-version").orElse("1"));
        } catch (NumberFormatException e) {
            throw new UsageException("'--model-version' must be an integer, got '" + args.value("model-version").orElse("") + "'");
        }
        try (GaeaModel model = SavedModels.load(modelFile, "cpu")) {
            OnnxModels.save(model, onnxFile, args.value("domain").orElse(DEFAULT_DOMAIN), version);
            console.out().println("Wrote " + onnxFile + " (" + model.searchSpace().name() + ", genotype " + model.genotype() + ")");
        }
        return TribuoNasCli.EXIT_OK;
    }
}
