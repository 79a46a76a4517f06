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

package org.tribuo.nas.runtime;

import ai.djl.Device;

import java.util.Locale;

/**
 * Resolves a device setting ({@code auto | cpu | gpu | gpu:N}) to a DJL device.
 */
public final class Devices {

    private Devices() {}

    /**
     * Resolves a device setting.
     * @param setting {@code auto} (a GPU when DJL sees one, else the CPU), {@code cpu},
     *                {@code gpu} (GPU 0) or {@code gpu:N}.
     * @return The device.
     * @throws IllegalArgumentException on an unknown setting, or a GPU that is not there.
     */
    public static Device resolve(String setting) {
        String s = setting == null ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
        int gpus = DjlRuntime.engine().getGpuCount();
        if (s.equals("auto")) {
            return gpus > 0 ? Device.gpu(0) : Device.cpu();
        }
        if (s.equals("cpu")) {
            return Device.cpu();
        }
        int index;
        if (s.equals("gpu")) {
            index = 0;
        } else if (s.startsWith("gpu:")) {
            try {
                index = Integer.parseInt(s.substring(4));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("device '" + setting + "': expected auto, cpu, gpu or gpu:N");
            }
        } else {
            throw new IllegalArgumentException("device '" + setting + "': expected auto, cpu, gpu or gpu:N");
        }
        if (index < 0 || index >= gpus) {
            throw new IllegalArgumentException("device '" + setting + "' requested, but DJL sees " + gpus
                    + " GPU(s); use 'cpu' or 'auto', or give DJL CUDA natives (run 'tribuo-nas doctor'; README, \"On a GPU\")");
        }
        return Device.gpu(index);
    }

    /**
     * A stable name for provenance, e.g. {@code cpu} or {@code gpu:0}.
     * @param device The device.
     * @return The name.
     */
    public static String name(Device device) {
        return device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu";
    }
}
