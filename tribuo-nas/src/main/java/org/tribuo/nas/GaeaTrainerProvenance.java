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

package org.tribuo.nas;

import ai.djl.Device;
import ai.djl.engine.Engine;

import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;

import org.tribuo.nas.runtime.Devices;
import org.tribuo.nas.runtime.DjlRuntime;
import org.tribuo.nas.runtime.RuntimeEnvironment;
import org.tribuo.provenance.SkeletalTrainerProvenance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Provenance of a {@link GaeaTrainer}: every configured field (search space, geometry and its
 * learning rates, scheme, sizes, epochs, seed, device setting) plus, as instance values, the
 * device actually resolved, the DJL, PyTorch and tribuo-nas versions, and the training
 * environment of {@link RuntimeEnvironment} (source commit, cell implementation, threads, CPU and
 * instruction set, GPU). Models saved before a value was recorded read it as {@code unknown}.
 */
public final class GaeaTrainerProvenance extends SkeletalTrainerProvenance {
    private static final long serialVersionUID = 1L;

    /** Instance key: the device the trainer resolved its setting to, e.g. cpu or gpu:0. */
    public static final String RESOLVED_DEVICE = "resolved-device";
    /** Instance key: the DJL version. */
    public static final String DJL_VERSION = "djl-version";
    /** Instance key: the PyTorch version. */
    public static final String PYTORCH_VERSION = "pytorch-version";
    /** Instance key: the tribuo-nas version ({@code unknown} in models saved before it was recorded). */
    public static final String TRIBUO_NAS_VERSION = "tribuo-nas-version";

    private final StringProvenance resolvedDevice;
    private final StringProvenance djlVersion;
    private final StringProvenance pytorchVersion;
    private final StringProvenance tribuoNasVersion;
    private final Map<String, StringProvenance> environment = new LinkedHashMap<>();

    /**
     * The provenance of a trainer on this machine: the device its setting resolves to, the DJL
     * and PyTorch versions, the runtime environment.
     * @param host The trainer.
     * @param device Its device setting.
     * @return The provenance.
     */
    static GaeaTrainerProvenance of(GaeaTrainer host, String device) {
        Engine engine = DjlRuntime.engine();
        Device resolved = Devices.resolve(device);
        return new GaeaTrainerProvenance(host, Devices.name(resolved), Engine.getDjlVersion(), engine.getVersion(),
                RuntimeEnvironment.describe(resolved, TribuoNasVersion.SOURCE_COMMIT));
    }

    private GaeaTrainerProvenance(GaeaTrainer host, String resolvedDevice, String djlVersion, String pytorchVersion,
                                  Map<String, String> facts) {
        super(host);
        this.resolvedDevice = new StringProvenance(RESOLVED_DEVICE, resolvedDevice);
        this.djlVersion = new StringProvenance(DJL_VERSION, djlVersion);
        this.pytorchVersion = new StringProvenance(PYTORCH_VERSION, pytorchVersion);
        this.tribuoNasVersion = new StringProvenance(TRIBUO_NAS_VERSION, TribuoNasVersion.VERSION);
        for (Map.Entry<String, String> e : facts.entrySet()) {
            this.environment.put(e.getKey(), new StringProvenance(e.getKey(), e.getValue()));
        }
    }

    /**
     * Deserialization constructor, used by OLCUT's provenance marshalling.
     * @param map The provenance map.
     */
    public GaeaTrainerProvenance(Map<String, Provenance> map) {
        this(extractGaeaProvenanceInfo(map));
    }

    private GaeaTrainerProvenance(ExtractedInfo info) {
        super(info);
        this.resolvedDevice = (StringProvenance) info.instanceValues.get(RESOLVED_DEVICE);
        this.djlVersion = (StringProvenance) info.instanceValues.get(DJL_VERSION);
        this.pytorchVersion = (StringProvenance) info.instanceValues.get(PYTORCH_VERSION);
        this.tribuoNasVersion = (StringProvenance) info.instanceValues.get(TRIBUO_NAS_VERSION);
        for (String key : RuntimeEnvironment.KEYS) {
            this.environment.put(key, (StringProvenance) info.instanceValues.get(key));
        }
    }

    private static ExtractedInfo extractGaeaProvenanceInfo(Map<String, Provenance> map) {
        ExtractedInfo info = SkeletalTrainerProvenance.extractProvenanceInfo(map);
        for (String key : new String[]{RESOLVED_DEVICE, DJL_VERSION, PYTORCH_VERSION}) {
            info.instanceValues.put(key, ObjectProvenance.checkAndExtractProvenance(info.configuredParameters, key,
                    StringProvenance.class, GaeaTrainerProvenance.class.getSimpleName()));
        }
        for (String key : optionalKeys()) {
            Provenance value = info.configuredParameters.remove(key);
            info.instanceValues.put(key, value instanceof StringProvenance string ? string : new StringProvenance(key, "unknown"));
        }
        return info;
    }

    /**
     * The device the trainer ran on.
     * @return e.g. {@code cpu} or {@code gpu:0}.
     */
    public String resolvedDevice() {
        return resolvedDevice.getValue();
    }

    private static List<String> optionalKeys() {
        List<String> keys = new ArrayList<>(List.of(TRIBUO_NAS_VERSION));
        keys.addAll(RuntimeEnvironment.KEYS);
        return keys;
    }

    /**
     * The training environment, keyed as {@link RuntimeEnvironment#KEYS}.
     * @return The values, {@code unknown} where the model did not record one.
     */
    public Map<String, String> environment() {
        Map<String, String> out = new LinkedHashMap<>();
        environment.forEach((k, v) -> out.put(k, v.getValue()));
        return out;
    }

    /**
     * The tribuo-nas version that trained the model.
     * @return e.g. {@code 0.1.0-SNAPSHOT}, or {@code unknown} for models saved before it was recorded.
     */
    public String tribuoNasVersion() {
        return tribuoNasVersion.getValue();
    }

    @Override
    public Map<String, PrimitiveProvenance<?>> getInstanceValues() {
        Map<String, PrimitiveProvenance<?>> map = super.getInstanceValues();
        map.put(resolvedDevice.getKey(), resolvedDevice);
        map.put(djlVersion.getKey(), djlVersion);
        map.put(pytorchVersion.getKey(), pytorchVersion);
        map.put(tribuoNasVersion.getKey(), tribuoNasVersion);
        map.putAll(environment);
        return map;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass() || !super.equals(o)) {
            return false;
        }
        GaeaTrainerProvenance that = (GaeaTrainerProvenance) o;
        return resolvedDevice.equals(that.resolvedDevice) && djlVersion.equals(that.djlVersion)
                && pytorchVersion.equals(that.pytorchVersion) && tribuoNasVersion.equals(that.tribuoNasVersion)
                && environment.equals(that.environment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), resolvedDevice, djlVersion, pytorchVersion, tribuoNasVersion, environment);
    }
}
