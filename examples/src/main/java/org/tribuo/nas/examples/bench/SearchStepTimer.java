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

package org.tribuo.nas.examples.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import org.tribuo.nas.data.BatchFactory;
import org.tribuo.nas.data.BatchSampler;
import org.tribuo.nas.data.ImageData;
import org.tribuo.nas.search.EdgeMixing;
import org.tribuo.nas.search.SearchStep;

import java.util.Locale;

import static org.tribuo.nas.examples.bench.BenchStats.ms;

/**
 * Times the step pair of a {@link SearchStep} as the search loop runs it: the architecture step
 * on one batch, then the weight step on another, each in its own
 * {@code try (NDManager step = base.newSubManager())} scope, with the batch tensors made inside
 * that scope but outside the timed region. Warm-up steps run first and are not recorded; progress
 * goes to stderr. With the single pass, one call of {@link SearchStep#singlePassStep} on the weight
 * batch is timed in the weight step's place and the architecture step takes 0 ms.
 */
final class SearchStepTimer {

    /**
     * The measured steps' timings in milliseconds, one entry per step, and what went wrong in them.
     * @param batchMs Making the two batches' tensors.
     * @param archMs The architecture step.
     * @param weightMs The weight step.
     * @param totalMs Architecture step + weight step.
     * @param loopMs Both sub-manager scopes: batch creation, both steps and closing the step managers.
     * @param archNonFinite Measured architecture steps whose gradient was not finite.
     * @param weightNonFinite Measured weight steps whose gradient was not finite.
     * @param lastLoss The loss of the last weight step.
     * @param otherCores The average cores other processes kept busy during the measured steps.
     */
    record Timings(double[] batchMs, double[] archMs, double[] weightMs, double[] totalMs, double[] loopMs,
                   int archNonFinite, int weightNonFinite, float lastLoss, double otherCores) {}

    private SearchStepTimer() {}

    /**
     * Runs the warm-up steps, then the measured steps.
     * @param base The manager the supernet lives in; each step gets a sub-manager of it.
     * @param searchStep The step pair to time.
     * @param data The images; the batches cycle through epochs of them.
     * @param batch The batch size.
     * @param lr The weight step's learning rate.
     * @param seed Seeds the batch samplers: {@code seed + 1} the architecture batches, {@code seed + 2} the weight batches.
     * @param warmup The steps run before measuring.
     * @param steps The measured steps.
     * @param verbose Whether to log every step rather than every fifth measured one.
     * @param singlePass Whether to time the single-pass step instead of the step pair.
     * @return The timings of the measured steps.
     */
    static Timings time(NDManager base, SearchStep searchStep, ImageData data, int batch, float lr, long seed,
                        int warmup, int steps, boolean verbose, boolean singlePass) {
        BatchCursor archBatches = new BatchCursor(new BatchSampler(data.size(), batch, true, seed + 1));
        BatchCursor weightBatches = new BatchCursor(new BatchSampler(data.size(), batch, true, seed + 2));
        double[] batchMs = new double[steps];
        double[] archMs = new double[steps];
        double[] weightMs = new double[steps];
        double[] totalMs = new double[steps];
        double[] loopMs = new double[steps];
        int archNonFinite = 0;
        int weightNonFinite = 0;
        float lastLoss = Float.NaN;
        BenchMachine.CpuSample cpuStart = null;
        for (int i = 0; i < warmup + steps; i++) {
            if (i == warmup) {
                cpuStart = BenchMachine.CpuSample.now();
            }
            int[] archBatch = archBatches.next();
            int[] weightBatch = weightBatches.next();

            long t0 = System.nanoTime();
            long archStart;
            long archEnd;
            boolean archFinite = true;
            if (singlePass) {
                archStart = t0;
                archEnd = t0;
            } else {
                try (NDManager step = base.newSubManager()) {
                    NDArray x = BatchFactory.images(step, data, archBatch, null);
                    NDArray y = BatchFactory.labels(step, data, archBatch);
                    archStart = System.nanoTime();
                    archFinite = searchStep.architectureStep(step, x, y);
                    archEnd = System.nanoTime();
                }
            }
            long t1 = System.nanoTime();
            long weightStart;
            long weightEnd;
            SearchStep.WeightStepResult w;
            try (NDManager step = base.newSubManager()) {
                NDArray x = BatchFactory.images(step, data, weightBatch, null);
                NDArray y = BatchFactory.labels(step, data, weightBatch);
                weightStart = System.nanoTime();
                w = singlePass ? searchStep.singlePassStep(step, x, y, lr, EdgeMixing.continuous())
                        : searchStep.weightStep(step, x, y, lr);
                weightEnd = System.nanoTime();
            }
            long t2 = System.nanoTime();
            lastLoss = w.loss();

            double archStep = (archEnd - archStart) / 1e6;
            double weightStep = (weightEnd - weightStart) / 1e6;
            boolean measured = i >= warmup;
            if (measured) {
                int m = i - warmup;
                batchMs[m] = ((archStart - t0) + (weightStart - t1)) / 1e6;
                archMs[m] = archStep;
                weightMs[m] = weightStep;
                totalMs[m] = archStep + weightStep;
                loopMs[m] = (t2 - t0) / 1e6;
                archNonFinite += archFinite ? 0 : 1;
                weightNonFinite += w.finite() ? 0 : 1;
            }
            if (verbose || !archFinite || !w.finite()
                    || (measured && ((i - warmup + 1) % 5 == 0 || i == warmup + steps - 1))
                    || i == warmup - 1) {
                System.err.printf(Locale.ROOT, "[bench]   %s step %d/%d: arch %s ms%s, weight %s ms%s, loss %.3f%n",
                        measured ? "measured" : "warm-up", measured ? i - warmup + 1 : i + 1,
                        measured ? steps : warmup, ms(archStep), archFinite ? "" : " (non-finite)",
                        ms(weightStep), w.finite() ? "" : " (non-finite)", w.loss());
            }
        }
        double otherCores = BenchMachine.CpuSample.otherCoresSince(cpuStart);
        return new Timings(batchMs, archMs, weightMs, totalMs, loopMs, archNonFinite, weightNonFinite, lastLoss,
                otherCores);
    }
}
