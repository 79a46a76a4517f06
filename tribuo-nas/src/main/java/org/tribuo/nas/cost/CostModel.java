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

package org.tribuo.nas.cost;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.Configurable;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenancable;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;

import org.tribuo.nas.space.CostDecomposition;
import org.tribuo.nas.space.Genotype;
import org.tribuo.nas.space.SearchSpace;
import org.tribuo.nas.util.InvalidSettingException;
import org.tribuo.nas.util.SettingChecks;

/**
 * The cost part of a {@code GaeaTrainer} (off unless set): what the found network may cost where
 * it will be served, and how that cost is measured and weighed in the search.
 * <p>
 * Before the search every candidate op is costed at every place the final network runs it
 * ({@link CostDecomposition#opSites}): its trainable parameters, or its latency on the serving
 * runtime at the given batch size and thread count, timed in isolation (warm-up, then the median
 * of repetitions, minus what running an empty graph costs). The fixed parts (stem, reductions,
 * head, the runtime's per-call overhead) and each op's in-network scale are read from whole
 * networks of uniform cells (see {@link Calibration}). Latencies are cached per machine kind
 * and runtime in {@code ~/.cache/tribuo-nas/op-costs-<digest>.tsv} (system property
 * {@value #CACHE_PROPERTY}: another directory, or {@code off}).
 * <p>
 * The search then adds {@link CostPenalty} to the architecture loss: with a {@code target}, λ
 * adapts so that α's expected cost ends at the target and the genotype is the most probable cell
 * within it; without one, a fixed {@code lambda}. docs/cost-aware.md explains how to choose them.
 */
public final class CostModel implements Configurable, Provenancable<ConfiguredObjectProvenance> {

    /** System property naming the directory of the op-cost caches, or {@code off}. */
    public static final String CACHE_PROPERTY = "tribuo.nas.costCache";

    @Config(description = "What a network costs: LATENCY (ms on the runtime) or PARAMETERS (trainable parameters).")
    private CostMetric metric = CostMetric.LATENCY;
    @Config(description = "Where latency is measured: ONNX_RUNTIME (CPU) or DJL (PyTorch engine, CPU).")
    private ServingRuntime runtime = ServingRuntime.ONNX_RUNTIME;
    @Config(description = "Batch size latency is measured at.")
    private int batchSize = 1;
    @Config(description = "Intra-op threads of the ONNX Runtime sessions latency is measured in.")
    private int threads = 1;
    @Config(description = "Untimed calls before each latency measurement.")
    private int warmup = 50;
    @Config(description = "Timed calls of each latency measurement; the median is used.")
    private int repetitions = 200;
    @Config(description = "The budget: the most the found network may cost, in ms (LATENCY) or parameters "
            + "(PARAMETERS); 0 means no budget, the penalty weighs cost by a fixed lambda.")
    private double target = 0;
    @Config(description = "λ: the weight of the expected cost in the architecture loss; with a target, its start value.")
    private double lambda = 0;
    @Config(description = "ρ of the dual step that adapts λ towards the target after every architecture step.")
    private double dualStepSize = 0.05;
    @Config(description = "κ: the cost's weight in a step is λ + κ·(expected cost − target)/target, which damps the oscillation of λ.")
    private double dualDamping = 2;
    @Config(description = "The found cell is the most probable one costing between (1 - budgetSlack)·target and the target "
            + "(if any cell does; else the most probable within the target).")
    private double budgetSlack = 0.15;

    /** For OLCUT. */
    private CostModel() {}

    private CostModel(Builder b) {
        metric = b.metric;
        runtime = b.runtime;
        batchSize = b.batchSize;
        threads = b.threads;
        warmup = b.warmup;
        repetitions = b.repetitions;
        target = b.target;
        lambda = b.lambda;
        dualStepSize = b.dualStepSize;
        dualDamping = b.dualDamping;
        budgetSlack = b.budgetSlack;
        validate();
    }

    /**
     * A builder with the defaults: latency on ONNX Runtime, batch 1, 1 thread, no target.
     * @return The builder.
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void postConfig() {
        SettingChecks.validateConfigured(this, this::validate);
    }

    private void validate() {
        measurement().check();
        budget().check(metric);
    }

    /**
     * What is costed.
     * @return The metric.
     */
    public CostMetric metric() {
        return metric;
    }

    /**
     * The budget.
     * @return The target, or 0 without one.
     */
    public double target() {
        return target;
    }

    /**
     * Checks a space can be costed op by op.
     * @param space The space.
     * @return Its decomposition.
     * @throws InvalidSettingException if it cannot.
     */
    public static CostDecomposition decomposition(SearchSpace space) {
        return space.costDecomposition().orElseThrow(() -> new InvalidSettingException("costModel", "the " + space.name()
                + " space does not say where its ops run in the final network (its costDecomposition() is empty), so it "
                + "cannot be searched within a cost budget"));
    }

    /**
     * Costs every candidate op of a space where its final network runs it, and the fixed parts.
     * @param space The space; it must have a {@link SearchSpace#costDecomposition()}.
     * @param example The shape of one input example, e.g. (C, H, W).
     * @param numClasses The number of classes of the final network.
     * @return The table.
     */
    public OpCosts measure(SearchSpace space, Shape example, int numClasses) {
        return measurement().opCosts(space, example, numClasses);
    }

    /**
     * Measures a whole network as it will be served: the median of three measurements.
     * @param network The network, initialized (e.g. the trained one).
     * @param example The shape of one input example, e.g. (C, H, W).
     * @return Its cost.
     */
    public double measureNetwork(Block network, Shape example) {
        return measurement().network(network, example);
    }

    /**
     * Builds the network of a genotype, initializes it and measures it as it will be served (not
     * cached: each call measures).
     * @param space The space.
     * @param cell A genotype of the space.
     * @param example The shape of one input example, e.g. (C, H, W).
     * @param numClasses The number of classes.
     * @return Its cost.
     */
    public double measureNetwork(SearchSpace space, Genotype cell, Shape example, int numClasses) {
        return measurement().network(space, cell, example, numClasses);
    }

    /**
     * The penalty of a search with these settings.
     * @param space The space.
     * @param costs Its cost table, from {@link #measure}.
     * @return The penalty.
     * @throws InvalidSettingException if the target is below what the cheapest cell costs.
     */
    public CostPenalty newPenalty(SearchSpace space, OpCosts costs) {
        try {
            return budget().newPenalty(costs, decomposition(space));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("target", e.getMessage());
        }
    }

    private CostMeasurement measurement() {
        return new CostMeasurement(metric, runtime, batchSize, threads, warmup, repetitions);
    }

    private CostBudget budget() {
        return new CostBudget(target, lambda, dualStepSize, dualDamping, budgetSlack);
    }

    /**
     * Describes the settings, e.g. for {@code describe}.
     * @return e.g. {@code LATENCY on ONNX_RUNTIME (batch 1, 1 thread), target 0.400 ms}.
     */
    public String describe() {
        return measurement().describe() + budget().describe(metric);
    }

    @Override
    public String toString() {
        return "CostModel(" + describe() + ")";
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "cost-model");
    }

    /**
     * Builds a {@link CostModel}; unset settings keep the defaults.
     */
    public static final class Builder {
        private CostMetric metric = CostMetric.LATENCY;
        private ServingRuntime runtime = ServingRuntime.ONNX_RUNTIME;
        private int batchSize = 1;
        private int threads = 1;
        private int warmup = 50;
        private int repetitions = 200;
        private double target;
        private double lambda;
        private double dualStepSize = 0.05;
        private double dualDamping = 2;
        private double budgetSlack = 0.15;

        private Builder() {}

        /** @param v The metric. @return this */
        public Builder metric(CostMetric v) { metric = v; return this; }
        /** @param v The serving runtime. @return this */
        public Builder runtime(ServingRuntime v) { runtime = v; return this; }
        /** @param v Batch size of latency measurements. @return this */
        public Builder batchSize(int v) { batchSize = v; return this; }
        /** @param v ONNX Runtime intra-op threads. @return this */
        public Builder threads(int v) { threads = v; return this; }
        /** @param v Untimed warm-up calls. @return this */
        public Builder warmup(int v) { warmup = v; return this; }
        /** @param v Timed calls (median). @return this */
        public Builder repetitions(int v) { repetitions = v; return this; }
        /** @param v The budget in the metric's unit (0: none). @return this */
        public Builder target(double v) { target = v; return this; }
        /** @param v λ (start value with a target). @return this */
        public Builder lambda(double v) { lambda = v; return this; }
        /** @param v ρ of the dual step. @return this */
        public Builder dualStepSize(double v) { dualStepSize = v; return this; }
        /** @param v κ of the damping term. @return this */
        public Builder dualDamping(double v) { dualDamping = v; return this; }
        /** @param v How far below the target the found cell may cost, as a fraction of it. @return this */
        public Builder budgetSlack(double v) { budgetSlack = v; return this; }

        /**
         * Validates and builds.
         * @return The cost model.
         * @throws InvalidSettingException naming the first invalid setting.
         */
        public CostModel build() {
            return new CostModel(this);
        }
    }
}
