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
 * Image data plumbing between Tribuo datasets and DJL tensors: decoding pixel features into a
 * dense channel-major layout ({@link org.tribuo.nas.data.ImageTensorizer}), per-channel
 * normalization, seeded minibatch sampling, train/held-out splits and batch tensor creation; and
 * a data source of the user's own images, folders of PNG/JPEG/BMP/GIF files held one byte per
 * value ({@link org.tribuo.nas.data.ImageFolderDataSource},
 * {@link org.tribuo.nas.data.CompactImageExample}).
 */
package org.tribuo.nas.data;
