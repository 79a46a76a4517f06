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

package org.tribuo.nas.arch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.SplittableRandom;

/**
 * The DARTS baseline geometry: logits θ (initialized to 1e-3·N(0,1)), mixing weights
 * {@code softmax(θ)} per edge, and Adam on θ with coupled (L2) weight decay, as
 * {@code torch.optim.Adam(lr, betas, weight_decay)} does.
 */
public final class SoftmaxAdam implements ArchitectureOptimizer {

    /** DARTS' first-moment decay. */
    public static final float DEFAULT_BETA1 = 0.5f;
    /** DARTS' second-moment decay. */
    public static final float DEFAULT_BETA2 = 0.999f;
    private static final double EPSILON = 1e-8;

    private final float learningRate;
    private final float weightDecay;
    private final float beta1;
    private final float beta2;
    private final float[][] theta;
    private final double[][] firstMoment;
    private final double[][] secondMoment;
    private int steps;

    /**
     * Creates the optimizer with the DARTS defaults for betas.
     * @param rows Number of edges.
     * @param cols Number of candidate ops.
     * @param learningRate Adam learning rate, positive.
     * @param weightDecay L2 weight decay on θ, non-negative.
     * @param seed Seed for the logit initialization.
     */
    public SoftmaxAdam(int rows, int cols, float learningRate, float weightDecay, long seed) {
        this(rows, cols, learningRate, weightDecay, DEFAULT_BETA1, DEFAULT_BETA2, seed);
    }

    /**
     * Creates the optimizer.
     * @param rows Number of edges.
     * @param cols Number of candidate ops.
     * @param learningRate Adam learning rate, positive.
     * @param weightDecay L2 weight decay on θ, non-negative.
     * @param beta1 First-moment decay in [0, 1).
     * @param beta2 Second-moment decay in [0, 1).
     * @param seed Seed for the logit initialization.
     */
    public SoftmaxAdam(int rows, int cols, float learningRate, float weightDecay, float beta1, float beta2, long seed) {
        Simplex.checkShape(rows, cols);
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("Adam learning rate must be positive and finite, got " + learningRate);
        }
        if (!(weightDecay >= 0) || Float.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("architecture weight decay must be non-negative and finite, got " + weightDecay);
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam betas must be in [0, 1), got (" + beta1 + ", " + beta2 + ")");
        }
        this.learningRate = learningRate;
        this.weightDecay = weightDecay;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.theta = new float[rows][cols];
        this.firstMoment = new double[rows][cols];
        this.secondMoment = new double[rows][cols];
        SplittableRandom rng = new SplittableRandom(seed);
        for (float[] row : theta) {
            for (int k = 0; k < cols; k++) {
                row[k] = (float) (1e-3 * gaussian(rng));
            }
        }
    }

    private static double gaussian(SplittableRandom rng) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    @Override
    public ArchitectureGeometry geometry() {
        return ArchitectureGeometry.SOFTMAX_ADAM;
    }

    @Override
    public int rows() {
        return theta.length;
    }

    @Override
    public int cols() {
        return theta[0].length;
    }

    /**
     * The current logits, a copy.
     * @return θ.
     */
    public float[][] logits() {
        return Simplex.copy(theta);
    }

    @Override
    public NDArray newLeaf(NDManager manager) {
        NDArray leaf = manager.create(Simplex.flatten(theta), new Shape(rows(), cols()));
        leaf.setRequiresGradient(true);
        return leaf;
    }

    @Override
    public NDArray mixingWeights(NDArray leaf) {
        return leaf.softmax(1);
    }

    /**
     * {@inheritDoc}
     * <p>
     * Through the softmax of each row: {@code ∂f/∂θ_k = α_k·(g_k − Σ_j α_j·g_j)}.
     */
    @Override
    public float[][] leafGradient(float[][] mixingGradient) {
        Simplex.checkSameShape(theta, mixingGradient);
        float[][] alpha = alpha();
        float[][] out = new float[alpha.length][];
        for (int i = 0; i < alpha.length; i++) {
            double mean = 0;
            for (int k = 0; k < alpha[i].length; k++) {
                mean += alpha[i][k] * mixingGradient[i][k];
            }
            out[i] = new float[alpha[i].length];
            for (int k = 0; k < alpha[i].length; k++) {
                out[i][k] = (float) (alpha[i][k] * (mixingGradient[i][k] - mean));
            }
        }
        return out;
    }

    @Override
    public void step(float[][] gradient) {
        Simplex.checkSameShape(theta, gradient);
        steps++;
        double biasCorrection1 = 1 - Math.pow(beta1, steps);
        double biasCorrection2 = 1 - Math.pow(beta2, steps);
        for (int i = 0; i < theta.length; i++) {
            for (int k = 0; k < theta[i].length; k++) {
                double g = gradient[i][k] + (double) weightDecay * theta[i][k];
                firstMoment[i][k] = beta1 * firstMoment[i][k] + (1 - beta1) * g;
                secondMoment[i][k] = beta2 * secondMoment[i][k] + (1 - beta2) * g * g;
                double denominator = Math.sqrt(secondMoment[i][k]) / Math.sqrt(biasCorrection2) + EPSILON;
                theta[i][k] = (float) (theta[i][k] - learningRate / biasCorrection1 * firstMoment[i][k] / denominator);
            }
        }
    }

    @Override
    public float[][] alpha() {
        float[][] alpha = Simplex.copy(theta);
        for (float[] row : alpha) {
            Simplex.softmaxInPlace(row);
        }
        return alpha;
    }

    @Override
    public int steps() {
        return steps;
    }

    @Override
    public ArchitectureState state() {
        return new ArchitectureState(geometry(), steps, Simplex.copy(theta), copy(firstMoment), copy(secondMoment));
    }

    @Override
    public void restore(ArchitectureState state) {
        state.checkFits(geometry(), rows(), cols());
        if (state.firstMoment() == null || state.secondMoment() == null) {
            throw new IllegalArgumentException("softmax-Adam architecture state has no Adam moments");
        }
        for (int i = 0; i < theta.length; i++) {
            System.arraycopy(state.parameters()[i], 0, theta[i], 0, theta[i].length);
            System.arraycopy(state.firstMoment()[i], 0, firstMoment[i], 0, firstMoment[i].length);
            System.arraycopy(state.secondMoment()[i], 0, secondMoment[i], 0, secondMoment[i].length);
        }
        steps = state.steps();
    }

    private static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
