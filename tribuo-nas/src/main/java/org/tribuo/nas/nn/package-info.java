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
/**
 * Blocks that search spaces build their supernets and networks from, in the style of DJL's
 * {@code ai.djl.nn}: {@link org.tribuo.nas.nn.MixedOp} (the α-weighted mixed edge),
 * ReLU-convolution-batch-norm, parameter-free ops, average pooling that excludes padding,
 * depthwise convolution, PyTorch's default initialization. Depends only on {@code space},
 * {@code onnx} and {@code util}.
 */
package org.tribuo.nas.nn;
