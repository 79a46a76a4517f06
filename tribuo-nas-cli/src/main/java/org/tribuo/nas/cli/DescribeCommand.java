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
 * {@code tribuo-nas describe}: prints what a saved model is and how it was made.
 */
final class DescribeCommand implements Command {

    @Override
    public String name() {
        return "describe";
    }

    @Override
    public String summary() {
        return "describe a saved model: genotype, settings, alpha, search history, provenance";
    }

    @Override
    public String synopsis() {
        return "--model FILE";
    }

    @Override
    public String description() {
        return """
                Prints a saved model's genotype, search space and ops, geometry and learning rates, scheme,
                search and final network sizes, seed, device, DJL/PyTorch versions, the final architecture
                weights (alpha; * marks each edge's chosen op) with their mean entropy, the per-epoch search
                history, and the full Tribuo provenance.""";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.value("model", "FILE", "the model file written by search (required)"));
    }

    @Override
    public int run(ParsedArguments args, Console console) throws Exception {
        Path file = Paths.get(args.required("model"));
        try (GaeaModel model = SavedModels.load(file, "cpu")) {
            console.out().println("Model: " + file);
            console.out().print(new ModelDescription(model).text());
        }
        return TribuoNasCli.EXIT_OK;
    }
}
