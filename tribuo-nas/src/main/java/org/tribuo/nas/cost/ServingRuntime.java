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

/**
 * Where a network's latency is measured: the runtime it will be served on.
 */
public enum ServingRuntime {
    /**
     * ONNX Runtime (CPU), running the graph the model exports; needs
     * {@code com.microsoft.onnxruntime:onnxruntime} on the class path.
     */
    ONNX_RUNTIME,
    /** DJL with the PyTorch engine, as {@code GaeaModel.predict} runs it, in inference mode. */
    DJL
}
