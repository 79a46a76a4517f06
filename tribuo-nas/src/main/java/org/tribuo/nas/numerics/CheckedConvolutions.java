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

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * Every 2-d convolution of tribuo-nas goes through {@link #conv2d}: on a signature's first call the
 * engine's result is checked against float64 ({@link ConvCheck}) and the call takes the route the
 * check picked; later calls look the route up. Verdicts are kept for the process, per signature
 * (which includes the device and the thread count). A signature that no route computes right throws
 * {@link IncorrectConvolutionException} before its result can be used.
 * <p>
 * An open {@link ConvolutionAudit} on the calling thread records the verdicts a run used, or, when
 * it was opened unchecked, makes every call take the engine's kernel as called.
 */
public final class CheckedConvolutions {

    private static final Map<ConvSignature, ConvVerdict> VERDICTS = new ConcurrentHashMap<>();
    private static final Map<ConvSignature, List<RouteCheck>> MEASUREMENTS = new ConcurrentHashMap<>();
    private static final Object CHECKING = new Object();
    private static final LongAdder CHECK_NANOS = new LongAdder();
    private static final LongAdder STORED = new LongAdder();
    private static final Logger LOGGER = Logger.getLogger(CheckedConvolutions.class.getName());
    /** System property naming the directory of the self-check's measurement store, or {@code off}. */
    public static final String STORE_PROPERTY = "tribuo.nas.convolutionChecks";
    private static ConvCheckStore store;
    private static boolean storeOpened;

    private CheckedConvolutions() {}

    /**
     * A 2-d convolution, as {@code Conv2d.conv2d}, through the route its signature's check picked.
     * @param x The input [B, C, H, W].
     * @param weight The kernel [O, C/groups, kH, kW].
     * @param bias The bias [O], or null.
     * @param stride The stride.
     * @param padding The padding.
     * @param dilation The dilation.
     * @param groups The groups.
     * @return The output [B, O, H', W'].
     * @throws IncorrectConvolutionException if no route computes this convolution right.
     */
    public static NDArray conv2d(NDArray x, NDArray weight, NDArray bias, Shape stride, Shape padding, Shape dilation,
                                 int groups) {
        ConvolutionAudit audit = ConvolutionAudit.current();
        if (audit != null && !audit.checking()) {
            return ConvRoute.AS_GIVEN.apply(x, weight, bias, stride, padding, dilation, groups);
        }
        ConvVerdict verdict = verdict(ConvSignature.of(x, weight, bias, stride, padding, dilation, groups));
        if (audit != null) {
            audit.record(verdict);
        }
        if (!verdict.usable()) {
            throw new IncorrectConvolutionException(verdict);
        }
        return verdict.route().apply(x, weight, bias, stride, padding, dilation, groups);
    }

    /**
     * A 2-d convolution with unit stride and dilation, no padding, one group.
     * @param x The input.
     * @param weight The kernel.
     * @param bias The bias, or null.
     * @return The output.
     */
    public static NDArray conv2d(NDArray x, NDArray weight, NDArray bias) {
        return conv2d(x, weight, bias, UNIT, ZERO, UNIT, 1);
    }

    /**
     * The verdict on a signature: checked now if this process has not checked it yet.
     * @param signature The signature.
     * @return The verdict.
     */
    public static ConvVerdict verdict(ConvSignature signature) {
        ConvVerdict known = VERDICTS.get(signature);
        if (known != null) {
            return known;
        }
        synchronized (CHECKING) {
            return VERDICTS.computeIfAbsent(signature, CheckedConvolutions::decide);
        }
    }

    private static ConvVerdict decide(ConvSignature signature) {
        if (signature.dataType() == DataType.FLOAT64) {
            return new ConvVerdict(signature, ConvRoute.AS_GIVEN, List.of());
        }
        long start = System.nanoTime();
        try {
            return ConvVerdict.decide(signature, MEASUREMENTS.computeIfAbsent(signature.measuredShape(), CheckedConvolutions::measure));
        } finally {
            CHECK_NANOS.add(System.nanoTime() - start);
        }
    }

    /**
     * The time this process has spent checking signatures (the self-check's cost; calls of known
     * signatures cost a map lookup).
     * @return The total time of every check so far.
     */
    /** The measurements of a shape: from this machine's store if it has them, else taken now (and stored). */
    private static List<RouteCheck> measure(ConvSignature shape) {
        ConvCheckStore store = shape.device().isGpu() ? null : store();
        if (store != null) {
            List<RouteCheck> stored = store.find(shape).orElse(null);
            if (stored != null) {
                STORED.increment();
                return stored;
            }
        }
        List<RouteCheck> measured = ConvCheck.measure(shape);
        if (store != null) {
            store.save(shape, measured);
        }
        return measured;
    }

    /**
     * Where this process keeps the self-check's measurements across processes: the file of this
     * machine kind under the directory the system property {@value #STORE_PROPERTY} names (default
     * {@code ~/.cache/tribuo-nas}), or none when it is {@code off}.
     * @return The store's file, or empty when measurements are kept for this process only.
     */
    public static Optional<Path> storeFile() {
        ConvCheckStore store = store();
        return store == null ? Optional.empty() : Optional.of(store.file());
    }

    /**
     * How many shapes this process took from the store instead of measuring them.
     * @return The count.
     */
    public static long storedShapesUsed() {
        return STORED.sum();
    }

    private static synchronized ConvCheckStore store() {
        if (!storeOpened) {
            storeOpened = true;
            String setting = System.getProperty(STORE_PROPERTY, Path.of(System.getProperty("user.home"), ".cache", "tribuo-nas").toString());
            if (!setting.equalsIgnoreCase("off")) {
                try {
                    store = ConvCheckStore.open(Path.of(setting), MachineKey.describe(Engine.getEngine("PyTorch")));
                } catch (RuntimeException e) {
                    LOGGER.warning("convolution self-check: no store at " + setting + " (" + e.getMessage()
                            + "); measuring in this process only");
                }
            }
        }
        return store;
    }

    public static Duration checkTime() {
        return Duration.ofNanos(CHECK_NANOS.sum());
    }

    /**
     * Measures a signature's shape in both memory layouts against float64, whatever a run would
     * measure (for {@code tribuo-nas doctor --numerics}): this runs the engine's kernels that a run
     * avoids, which have corrupted the heap of processes that ran many wrong ones.
     * @param signature The signature.
     * @return The contiguous and the channels-last measurements.
     */
    public static List<RouteCheck> survey(ConvSignature signature) {
        return ConvCheck.measure(signature.measuredShape(), List.of(ConvRoute.CONTIGUOUS, ConvRoute.CHANNELS_LAST));
    }

    /**
     * Every verdict this process holds.
     * @return The verdicts, in no particular order.
     */
    public static List<ConvVerdict> verdicts() {
        return new ArrayList<>(VERDICTS.values());
    }

    private static final Shape UNIT = new Shape(1, 1);
    private static final Shape ZERO = new Shape(0, 0);
}
