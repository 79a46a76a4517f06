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

package org.tribuo.nas.onnx;

import org.tribuo.util.onnx.ONNXRef;

import java.util.List;

/**
 * A block that writes its inference computation (no dropout, no drop-path, batch norms with
 * their running statistics, no auxiliary head) into an ONNX graph, as DJL blocks write their
 * forward pass into NDArrays. DJL's own convolution, batch-norm, linear, sequential, dropout,
 * ReLU and identity blocks are written by {@link OnnxGraphWriter} itself.
 */
public interface OnnxBlock {

    /**
     * Writes the block's inference computation.
     * @param writer The graph being written, with its helpers for the common operators.
     * @param inputs The block's inputs, as {@code forward} takes them.
     * @return The block's (single) output.
     */
    ONNXRef<?> writeOnnx(OnnxGraphWriter writer, List<ONNXRef<?>> inputs);
}
