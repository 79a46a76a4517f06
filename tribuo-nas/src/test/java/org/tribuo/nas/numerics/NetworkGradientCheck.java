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

package org.tribuo.nas.numerics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import org.tribuo.nas.runtime.DjlRuntime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.tribuo.nas.numerics.GradientResult.Error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One forward and backward pass of a whole network in float32 against the same pass in float64,
 * for the network gradient tests ({@link Nb201NetworkGradientTest}, {@link DartsNetworkGradientTest},
 * {@link TabularNetworkGradientTest}).
 * <p>
 * Two instances of the network are built: the reference is initialized in float64 from a fixed
 * seed, the other in float32, and every parameter (batch-norm running statistics included) of the
 * float32 copy is set to the reference's value rounded to float32; the reference's value is then
 * set to that same float32 value, so both passes compute the same function of the same numbers.
 * The inputs (image, α, β, probes) are drawn in Java from a seeded {@link SplittableRandom} as
 * float32 values. Each pass runs in training mode and backpropagates
 * {@code Σ_outputs Σ output ⊙ probe} (a fixed random linear functional of the logits, and of the
 * auxiliary logits where the network returns them), and the pass's logits, the gradient of every
 * parameter that takes one, and the gradient of every differentiable input (α, β) are compared
 * in float64. See {@link #TOLERANCE} for the bound.
 * <p>
 * A tensor above the bound is excused only by the function itself: the float64 pass is repeated
 * with the weights and inputs perturbed by float32's rounding, and if the float64 gradient moves
 * as far (a ReLU or max-pool kink within rounding distance of the sampled point, or an
 * ill-conditioned batch norm), the float32 difference is what rounding does to this function, not
 * a wrong kernel. See {@link #SENSITIVITY_DRAWS}.
 */
final class NetworkGradientCheck {

    /**
     * Largest accepted {@code max |float32 − float64| / max |float64|} of any compared tensor.
     * <p>
     * Derivation: float32 rounds each operation with a relative error of at most
     * u = 2^-24 ≈ 6e-8. A sum of n terms then carries at most n·u of relative error (about √n·u for
     * random rounding), and the error grows along the d layers between a value and the loss.
     * Here the longest sums are the weight gradients of a convolution (B·H·W = 2·8·8 = 128 terms per
     * kernel entry, each a product of values that are themselves sums) and the forward
     * convolutions (C_in·k² ≤ 144·9 ≈ 1.3e3 terms), the batch-norm statistics (B·H·W terms) and the
     * α gradients (an edge's whole output map, 2·C·H·W ≈ 4.6e3 terms), through d ≈ 10 to 30 layers:
     * n·d·u ≈ 1e3 · 15 · 6e-8 ≈ 1e-3 in the worst case, 1e-5..1e-4 typically. Training-mode batch
     * norms divide by the standard deviation of few values (8 per channel at the last 2x2 stage), which
     * amplifies rounding further. A wrong convolution (the libtorch defect the checked convolutions
     * route around) gives errors of order 1 or non-finite values, so 1e-3 separates the two by orders
     * of magnitude; the largest errors measured per network are printed by each test. Measured on
     * the development machine, where the convolutions were right: at most 3e-5 (NB201 and DARTS
     * networks), 1e-5 (tabular); where they were wrong: 5e-2 to 1e0, NaN, or values of 1e6 and more.
     */
    static final double TOLERANCE = 1e-3;

    /**
     * A parameter gradient whose float64 value is at most this fraction of the network's largest
     * parameter gradient is zero but for float64 rounding: the parameter cannot change the loss, as
     * the shift of a batch norm whose output only reaches the loss through another training-mode
     * batch norm (which subtracts the per-channel mean). Its float32 value is rounding noise too;
     * its error is measured against the largest gradient instead of its own magnitude.
     */
    static final double NEGLIGIBLE = 1e-9;

    /**
     * How many float64 passes, each with every weight and input multiplied by {@code 1 + u·r}
     * (u = 2^-24, r uniform in [-1, 1]), measure the function's own sensitivity when some tensor
     * exceeds {@link #TOLERANCE}. A tensor passes if its float32 error is at most
     * {@code TOLERANCE + 2 · sensitivity}, the sensitivity being the largest relative change of
     * that tensor's float64 value over the draws. This never excuses a wrong kernel: the
     * perturbed passes run in float64, which runs as called and is the reference; a wrong float32
     * convolution gives errors of order 1 where the function moves by 1e-5. Non-finite values are
     * never excused. Seen once: the C=24 DARTS supernet's float32 gradients differ by up to 1.6e-2,
     * and its float64 gradients move by the same 1.6e-2 for one perturbation in three (a kink), by
     * 1e-5 for the others.
     */
    static final int SENSITIVITY_DRAWS = 6;

    /**
     * A perturbed float64 pass whose change of some tensor exceeds this (or is not finite) is not a
     * measurement of the function but a sign that the process computes float64 wrongly too (its
     * memory was corrupted, as wrong libtorch kernels have done in these tests): it excuses nothing,
     * and the result reports it.
     */
    static final double SENSITIVITY_CAP = 0.1;

    private static final double FLOAT32_ROUNDING = 0x1p-24;

    private NetworkGradientCheck() {}




    /**
     * Runs the float64 and float32 passes and compares them; asserts the reference pass is not
     * trivial (non-zero logits, non-zero gradient of every differentiable input and of the first
     * parameter, the stem). Convolutions are checked and routed ({@link CheckedConvolutions}).
     * @param what The case, for messages.
     * @param seed The seed of the weights and the probes.
     * @param network Builds the network; called two or more times.
     * @param initShapes The input shapes to initialize it with.
     * @param leaves The inputs, float32 values.
     * @param toInputs Makes the network's inputs from the leaves (in the pass's data type), e.g. the
     *                 Gumbel straight-through weights from α; the identity for most networks.
     * @return The comparison, not yet asserted.
     */
    static GradientResult compare(String what, long seed, Supplier<Block> network, Shape[] initShapes, List<Leaf> leaves,
                          UnaryOperator<NDList> toInputs) {
        return compare(what, seed, network, initShapes, leaves, toInputs, null, true);
    }

    /**
     * {@link #compare(String, long, Supplier, Shape[], List, UnaryOperator)} with params carried by
     * every forward call (a supernet's {@link org.tribuo.nas.space.OpSelection}).
     * @param forwardParams The params of every forward call.
     */
    static GradientResult compare(String what, long seed, Supplier<Block> network, Shape[] initShapes, List<Leaf> leaves,
                          UnaryOperator<NDList> toInputs, PairList<String, Object> forwardParams) {
        return compare(what, seed, network, initShapes, leaves, toInputs, forwardParams, true);
    }

    /** {@link #compare(String, long, Supplier, Shape[], List, UnaryOperator)} with the leaves as the inputs. */
    static GradientResult compare(String what, long seed, Supplier<Block> network, Shape[] initShapes, List<Leaf> leaves) {
        return compare(what, seed, network, initShapes, leaves, UnaryOperator.identity());
    }

    /**
     * {@link #compare(String, long, Supplier, Shape[], List, UnaryOperator)} with the convolution
     * check on or off.
     * @param checking False runs every convolution as the engine computes it as called
     *                 ({@link ConvolutionAudit#open(boolean)}), to show the comparison detects the defect.
     */
    static GradientResult compare(String what, long seed, Supplier<Block> network, Shape[] initShapes, List<Leaf> leaves,
                          UnaryOperator<NDList> toInputs, PairList<String, Object> forwardParams, boolean checking) {
        try (NDManager m = DjlRuntime.engine().newBaseManager();
             ConvolutionAudit audit = ConvolutionAudit.open(checking)) {
            Block reference;
            Block single;
            synchronized (NetworkGradientCheck.class) {
                DjlRuntime.seed(seed);
                reference = network.get();
                reference.initialize(m, DataType.FLOAT64, initShapes);
                single = network.get();
                single.initialize(m, DataType.FLOAT32, initShapes);
            }
            roundToFloat32(reference);
            copy(reference, single, 0, null);
            long probeSeed = new SplittableRandom(seed * 31 + 7).nextLong();
            Pass ref = pass(m, reference, DataType.FLOAT64, leaves, toInputs, forwardParams, probeSeed, 0, null);
            Pass f32 = pass(m, single, DataType.FLOAT32, leaves, toInputs, forwardParams, probeSeed, 0, null);
            List<Error> errors = errors(what, reference, ref, single, f32);
            String inconsistency = "";
            if (errors.stream().anyMatch(e -> !e.agrees() && Double.isFinite(e.relative()))) {
                double[] sensitivity = new double[errors.size()];
                SplittableRandom noise = new SplittableRandom(seed ^ 0x5DEECE66DL);
                for (int draw = 0; draw < SENSITIVITY_DRAWS; draw++) {
                    Block perturbed = network.get();
                    perturbed.initialize(m, DataType.FLOAT64, initShapes);
                    copy(reference, perturbed, FLOAT32_ROUNDING, noise);
                    Pass moved = pass(m, perturbed, DataType.FLOAT64, leaves, toInputs, forwardParams, probeSeed,
                            FLOAT32_ROUNDING, noise);
                    List<Error> change = errors(what, reference, ref, perturbed, moved);
                    Error largest = change.stream().filter(e -> !(e.relative() <= SENSITIVITY_CAP)).findFirst().orElse(null);
                    if (largest != null) {
                        inconsistency = "a float64 pass with float32-sized perturbations moved " + largest
                                + ": float64 is computed wrongly too (corrupted process memory?); nothing excused";
                        continue;
                    }
                    for (int i = 0; i < sensitivity.length; i++) {
                        sensitivity[i] = Math.max(sensitivity[i], change.get(i).relative());
                    }
                }
                for (int i = 0; i < sensitivity.length; i++) {
                    errors.set(i, errors.get(i).withSensitivity(sensitivity[i]));
                }
            }
            List<String> zero = new ArrayList<>();
            PairList<String, Parameter> params = reference.getParameters();
            for (Pair<String, Parameter> p : params) {
                if (p.getValue().requiresGradient() && p.getValue().getArray().getGradient().abs().max()
                        .toType(DataType.FLOAT64, false).getDouble() == 0) {
                    zero.add(p.getKey());
                }
            }
            return new GradientResult(what, errors, zero, audit.verdicts(), inconsistency);
        }
    }

    /**
     * Runs with a given number of intra-op threads, restoring the previous number afterwards.
     * @param threads The engine's intra-op threads.
     * @param body What to run.
     */
    static void withThreads(int threads, Runnable body) {
        DjlRuntime.engine(); // loads the natives JniUtils calls
        int before = JniUtils.getNumThreads();
        JniUtils.setNumThreads(threads);
        try {
            body.run();
        } finally {
            JniUtils.setNumThreads(before);
        }
    }

    private record Pass(NDList outputs, List<NDArray> leafGradients, List<String> leafNames) {}

    /** One training forward and backward pass; with {@code noise}, every leaf value times 1 + eps·r. */
    private static Pass pass(NDManager m, Block net, DataType type, List<Leaf> leaves, UnaryOperator<NDList> toInputs,
                             PairList<String, Object> forwardParams, long probeSeed, double eps, SplittableRandom noise) {
        NDList arrays = new NDList();
        for (Leaf leaf : leaves) {
            double[] v = new double[leaf.values().length];
            for (int i = 0; i < v.length; i++) {
                v[i] = leaf.values()[i] * (noise == null ? 1 : 1 + eps * (2 * noise.nextDouble() - 1));
            }
            NDArray a = m.create(v, leaf.shape()).toType(type, false);
            if (leaf.differentiable()) {
                a.setRequiresGradient(true);
            }
            arrays.add(a);
        }
        NDList outputs;
        try (GradientCollector gc = m.getEngine().newGradientCollector()) {
            outputs = net.forward(new ParameterStore(m, false), toInputs.apply(arrays), true, forwardParams);
            SplittableRandom rng = new SplittableRandom(probeSeed);
            NDArray loss = null;
            for (NDArray out : outputs) {
                Leaf probe = Leaf.normal("probe", out.getShape(), rng);
                NDArray term = out.mul(m.create(probe.values(), probe.shape()).toType(type, false)).sum();
                loss = loss == null ? term : loss.add(term);
            }
            gc.backward(loss);
        }
        List<NDArray> grads = new ArrayList<>();
        for (int i = 0; i < leaves.size(); i++) {
            grads.add(leaves.get(i).differentiable() ? arrays.get(i).getGradient() : null);
        }
        return new Pass(outputs, grads, leaves.stream().map(Leaf::name).toList());
    }

    /**
     * The errors of a pass against the reference pass: outputs, leaf gradients, parameter gradients.
     * Asserts the reference is not trivial.
     */
    private static List<Error> errors(String what, Block reference, Pass ref, Block other, Pass pass) {
        List<Error> errors = new ArrayList<>();
        assertEquals(ref.outputs.size(), pass.outputs.size(), what + ": outputs");
        for (int i = 0; i < ref.outputs.size(); i++) {
            Error e = error(i == 0 ? "logits" : "output " + i, pass.outputs.get(i), ref.outputs.get(i));
            assertTrue(e.scale() > 0, what + ": the reference output " + i + " is all zero");
            errors.add(e);
        }
        for (int i = 0; i < ref.leafGradients.size(); i++) {
            NDArray r = ref.leafGradients.get(i);
            if (r != null) {
                String name = ref.leafNames.get(i);
                Error e = error("dL/d" + name, pass.leafGradients.get(i), r);
                assertTrue(e.scale() > 0, what + ": the reference gradient of " + name + " is all zero");
                errors.add(e);
            }
        }
        PairList<String, Parameter> refParams = reference.getParameters();
        PairList<String, Parameter> params = other.getParameters();
        double largest = 0;
        for (Pair<String, Parameter> p : refParams) {
            if (p.getValue().requiresGradient()) {
                largest = Math.max(largest, p.getValue().getArray().getGradient().abs().max()
                        .toType(DataType.FLOAT64, false).getDouble());
            }
        }
        boolean first = true;
        for (int i = 0; i < refParams.size(); i++) {
            Parameter p = refParams.get(i).getValue();
            if (!p.requiresGradient()) {
                continue;
            }
            String name = refParams.get(i).getKey();
            Error e = error("dL/d" + name, params.get(i).getValue().getArray().getGradient(), p.getArray().getGradient());
            if (first) {
                assertTrue(e.scale() > 0, what + ": the reference gradient of the first parameter " + name + " is all zero");
                first = false;
            }
            if (e.scale() <= NEGLIGIBLE * largest && Double.isFinite(e.relative())) {
                // Zero but for float64 rounding: measured against the network's largest gradient.
                e = new Error(e.name() + " (zero in float64)", e.scale(), e.difference(), e.difference() / largest, 0);
            }
            errors.add(e);
        }
        assertTrue(!first, what + ": no parameter takes a gradient");
        return errors;
    }

    private static Error error(String name, NDArray candidate, NDArray reference) {
        assertEquals(reference.getShape(), candidate.getShape(), name + " shape");
        double[] a = candidate.toType(DataType.FLOAT64, false).toDoubleArray();
        double[] r = reference.toType(DataType.FLOAT64, false).toDoubleArray();
        double diff = 0;
        double scale = 0;
        boolean finite = true;
        for (int i = 0; i < a.length; i++) {
            finite &= Double.isFinite(a[i]) && Double.isFinite(r[i]);
            diff = Math.max(diff, Math.abs(a[i] - r[i]));
            scale = Math.max(scale, Math.abs(r[i]));
        }
        double relative = !finite ? Double.POSITIVE_INFINITY : scale == 0 ? diff : diff / scale;
        return new Error(name, scale, diff, relative, 0);
    }

    /** Rounds every parameter of the float64 reference to a float32 value. */
    private static void roundToFloat32(Block reference) {
        for (Pair<String, Parameter> p : reference.getParameters()) {
            NDArray a = p.getValue().getArray();
            assertEquals(DataType.FLOAT64, a.getDataType(), p.getKey() + " of the reference");
            a.set(a.toType(DataType.FLOAT32, false).toType(DataType.FLOAT64, false).toDoubleArray());
        }
    }

    /**
     * Copies every parameter (batch-norm running statistics included) of {@code from} into
     * {@code to}, in {@code to}'s data type; with {@code noise}, each value times 1 + eps·r.
     */
    private static void copy(Block from, Block to, double eps, SplittableRandom noise) {
        PairList<String, Parameter> source = from.getParameters();
        PairList<String, Parameter> target = to.getParameters();
        assertEquals(source.keys(), target.keys(), "the two instances have the same parameters");
        for (int i = 0; i < source.size(); i++) {
            NDArray s = source.get(i).getValue().getArray();
            NDArray t = target.get(i).getValue().getArray();
            assertEquals(s.getShape(), t.getShape(), source.get(i).getKey());
            double[] v = s.toType(DataType.FLOAT64, false).toDoubleArray();
            if (noise != null) {
                for (int k = 0; k < v.length; k++) {
                    v[k] *= 1 + eps * (2 * noise.nextDouble() - 1);
                }
            }
            if (t.getDataType() == DataType.FLOAT32) {
                float[] f = new float[v.length];
                for (int k = 0; k < v.length; k++) {
                    f[k] = (float) v[k];
                }
                t.set(f);
            } else {
                t.set(v);
            }
        }
    }
}
