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
package org.tribuo.nas.search;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

import org.tribuo.nas.arch.ArchitectureWeights;
import org.tribuo.nas.arch.Simplex;
import org.tribuo.nas.checkpoint.NetworkState;
import org.tribuo.nas.checkpoint.RunPhase;
import org.tribuo.nas.cost.CostPenalty;
import org.tribuo.nas.data.BatchFactory;
import org.tribuo.nas.data.BatchSampler;
import org.tribuo.nas.data.ImageData;
import org.tribuo.nas.data.Normalization;
import org.tribuo.nas.space.Genotype;
import org.tribuo.nas.space.SearchSpace;
import org.tribuo.nas.runtime.DjlRuntime;
import org.tribuo.nas.loop.EpochFigures;
import org.tribuo.nas.loop.SgdOptimizer;
import org.tribuo.nas.loop.StepGuard;
import org.tribuo.nas.loop.TrainingPhase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The search as a {@link TrainingPhase}: the supernet, the architecture weights and their two
 * samplers, and one minibatch's architecture step then weight step (or, with the single pass, one
 * step updating both on the weight batch; the architecture sampler is then left undrawn). Holds
 * native memory until closed.
 */
final class SearchPhase implements TrainingPhase<SearchCheckpoint>, AutoCloseable {

    private final SearchConfig config;
    private final CostPenalty costPenalty;
    private final SearchSpace space;
    private final ImageData weightData;
    private final ImageData archData;
    private final Normalization norm;
    private final ArchitectureWeights arch;
    private final SearchRelaxation.Schedule mixing;
    private final NDManager base;
    private final Block supernet;
    private final BatchSampler weightBatches;
    private final ArchitectureBatches archBatches;
    private final SgdOptimizer sgd;
    private final SearchStep searchStep;
    private final StepGuard guard = new StepGuard();
    private final List<EpochRecord> epochs = new ArrayList<>();
    private String selected;
    private double bestHeldOut = -1;
    private int[][] batches;
    private float lr;
    private boolean archFrozen;
    private final double[] totals = new double[2];

    SearchPhase(SearchConfig config, CostPenalty costPenalty, ImageData weightData, ImageData archData, int numClasses, Normalization norm,
                NDManager base, long initSeed, long weightShuffleSeed, long archShuffleSeed, long gumbelSeed) {
        this.config = config;
        this.costPenalty = costPenalty;
        this.space = config.space();
        this.weightData = weightData;
        this.archData = archData;
        this.norm = norm;
        this.base = base;
        this.arch = config.newArchitectureWeights();
        arch.penalize(costPenalty);
        this.mixing = config.relaxation().schedule(gumbelSeed, config.archWarmupEpochs(), config.epochs());
        int rows = space.alphaRows();
        int cols = space.ops().size();
        this.supernet = space.newSupernet(config.supernet(), numClasses);
        Shape input = new Shape(1, weightData.shape().channels(), weightData.shape().height(), weightData.shape().width());
        Shape[] inputs = arch.hasEdgeWeights() ? new Shape[]{input, new Shape(rows, cols), new Shape(rows)}
                : new Shape[]{input, new Shape(rows, cols)};
        DjlRuntime.initializeSeeded(initSeed, () -> supernet.initialize(base, DataType.FLOAT32, inputs));
        this.weightBatches = new BatchSampler(weightData.size(), config.batchSize(), true, weightShuffleSeed);
        BatchSampler archSampler = new BatchSampler(archData.size(), config.batchSize(), true, archShuffleSeed);
        this.sgd = config.schedule().sgd().newOptimizer(supernet, base);
        Engine engine = DjlRuntime.engine();
        this.searchStep = new SearchStep(supernet, arch, sgd, engine);
        this.archBatches = new ArchitectureBatches(archSampler);
    }

    @Override
    public RunPhase phase() {
        return RunPhase.SEARCH;
    }

    @Override
    public Class<SearchCheckpoint> stateType() {
        return SearchCheckpoint.class;
    }

    @Override
    public int epochs() {
        return config.epochs();
    }

    @Override
    public int stepsPerEpoch() {
        return weightData.size() / config.batchSize();
    }

    @Override
    public void restore(SearchCheckpoint c) {
        arch.restore(c.architecture());
        c.network().restoreInto(supernet);
        sgd.restore(c.network().momentum(), c.network().lastLearningRate());
        epochs.addAll(c.epochs());
        selected = c.selectedGenotype();
        bestHeldOut = c.bestHeldOut();
        // The samplers are replayed from their seeds to where the checkpoint left them.
        for (int e = 0; e < c.epochsDone(); e++) {
            weightBatches.epochBatches();
        }
        archBatches.restore(c.archEpochsDrawn(), c.archCursor());
        if (costPenalty != null) {
            if (c.costMultiplier() == null) {
                throw new IllegalArgumentException("the search checkpoint has no cost multiplier, the search has a cost penalty");
            }
            costPenalty.restoreMultiplier(c.costMultiplier());
        }
    }

    @Override
    public int beginEpoch(int epoch) {
        lr = config.learningRates().at(epoch);
        archFrozen = epoch < config.archWarmupEpochs();
        batches = weightBatches.epochBatches();
        totals[0] = 0;
        totals[1] = 0;
        return batches.length;
    }

    @Override
    public void step(int epoch, int b) {
        if (config.singlePass()) {
            singlePassStep(epoch, b);
            return;
        }
        int[] archBatch = archBatches.next();
        int[] weightBatch = batches[b];
        String where = "step " + (b + 1) + " of epoch " + (epoch + 1);
        long globalStep = (long) epoch * batches.length + b;
        if (!archFrozen) {
            guard.run("the architecture " + where, () -> {
                try (NDManager step = base.newSubManager()) {
                    EdgeMixing pass = mixing.forStep(arch.alpha(), 2 * globalStep, epoch);
                    return searchStep.architectureStep(step, BatchFactory.images(step, archData, archBatch, norm),
                            BatchFactory.labels(step, archData, archBatch), pass);
                }
            });
        }
        weightStep(where, weightBatch, globalStep, epoch);
    }

    private void weightStep(String where, int[] weightBatch, long globalStep, int epoch) {
        guard.run("the weight " + where, () -> {
            try (NDManager step = base.newSubManager()) {
                EdgeMixing pass = mixing.forStep(arch.alpha(), 2 * globalStep + 1, epoch);
                SearchStep.WeightStepResult r = searchStep.weightStep(step, BatchFactory.images(step, weightData, weightBatch, norm),
                        BatchFactory.labels(step, weightData, weightBatch), lr, pass);
                return count(r);
            }
        });
    }

    /**
     * One forward/backward on the weight batch updates α (and β) and the weights; during the
     * warm-up it is the weight step. No architecture batch is drawn, and the Gumbel sample is the
     * one the weight step of the two passes would draw (its stream, 2·step + 1), so a warm-up
     * epoch is the two-pass one exactly.
     */
    private void singlePassStep(int epoch, int b) {
        int[] weightBatch = batches[b];
        String where = "step " + (b + 1) + " of epoch " + (epoch + 1);
        long globalStep = (long) epoch * batches.length + b;
        if (archFrozen) {
            weightStep(where, weightBatch, globalStep, epoch);
            return;
        }
        guard.run("the single-pass " + where, () -> {
            try (NDManager step = base.newSubManager()) {
                EdgeMixing pass = mixing.forStep(arch.alpha(), 2 * globalStep + 1, epoch);
                SearchStep.WeightStepResult r = searchStep.singlePassStep(step,
                        BatchFactory.images(step, weightData, weightBatch, norm),
                        BatchFactory.labels(step, weightData, weightBatch), lr, pass);
                return count(r);
            }
        });
    }

    /** Adds a finite step's loss and correct predictions to the epoch's totals. */
    private boolean count(SearchStep.WeightStepResult r) {
        if (r.finite()) {
            totals[0] += r.loss();
            totals[1] += r.correct();
        }
        return r.finite();
    }

    @Override
    public EpochFigures endEpoch(int epoch, long startNanos) {
        float[][] alpha = arch.alpha();
        float[] beta = arch.beta();
        Genotype genotype = costPenalty == null ? space.derive(alpha, beta) : costPenalty.derive(alpha, beta);
        Double heldOut = null;
        if (config.scheme() == SearchScheme.BILEVEL) {
            heldOut = SupernetAccuracy.of(supernet, base, archData, norm, mixing, alpha, beta);
            if (heldOut > bestHeldOut) {
                bestHeldOut = heldOut;
                selected = genotype.toString();
            }
        } else {
            selected = genotype.toString();
        }
        int seen = batches.length * config.batchSize();
        EpochRecord record = new EpochRecord(epoch + 1, lr, totals[0] / batches.length, totals[1] / seen, heldOut,
                Simplex.meanEntropy(Arrays.copyOf(alpha, space.normalRows())), genotype.toString(), alpha, beta,
                (System.nanoTime() - startNanos) / 1e9, costPenalty == null ? null : costPenalty.expectedCost(alpha),
                costPenalty == null ? null : costPenalty.multiplier());
        epochs.add(record);
        return record;
    }

    @Override
    public NetworkState networkState() {
        return NetworkState.capture(supernet, sgd.momentumState(), sgd.lastLearningRate());
    }

    @Override
    public SearchCheckpoint checkpoint(int epochsDone, NetworkState network) {
        return new SearchCheckpoint(epochsDone, epochs, selected, bestHeldOut, archBatches.epochsDrawn(), archBatches.cursor(),
                arch.state(), network, costPenalty == null ? null : costPenalty.multiplier());
    }

    List<EpochRecord> history() {
        return epochs;
    }

    String selectedGenotype() {
        return selected;
    }

    ArchitectureWeights architecture() {
        return arch;
    }

    @Override
    public void close() {
        sgd.close();
    }
}
