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
package org.tribuo.nas.data;

import org.tribuo.Dataset;
import org.tribuo.classification.Label;
import org.tribuo.nas.space.InputKind;

/**
 * Feature vectors: one value per feature of the training dataset's feature map, in id order
 * ({@link TabularTensorizer}). No settings.
 */
public final class TabularInput implements InputFormat {

    /** The format. */
    public TabularInput() {}

    @Override
    public InputKind kind() {
        return InputKind.FEATURE_VECTORS;
    }

    @Override
    public ExampleTensorizer fit(Dataset<Label> dataset) {
        return new TabularTensorizer(dataset.getFeatureIDMap());
    }

    @Override
    public String toString() {
        return "TabularInput";
    }
}
