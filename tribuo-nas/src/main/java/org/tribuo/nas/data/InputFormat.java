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

import com.oracle.labs.mlrg.olcut.config.Configurable;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenancable;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;

import org.tribuo.Dataset;
import org.tribuo.classification.Label;
import org.tribuo.nas.space.InputKind;

/**
 * How Tribuo examples become network inputs: a configurable component of the trainer, as
 * Tribuo's {@code FeatureConverter} is of its TensorFlow trainer. It makes the
 * {@link ExampleTensorizer} a training dataset needs, which the model then keeps.
 */
public interface InputFormat extends Configurable, Provenancable<ConfiguredObjectProvenance> {

    /**
     * What the tensors hold; it must match the search space's {@code inputKind()}.
     * @return Images or feature vectors.
     */
    public InputKind kind();

    /**
     * The tensorizer of a training dataset.
     * @param dataset The training data.
     * @return The tensorizer.
     * @throws IllegalArgumentException if the data does not fit this format.
     */
    public ExampleTensorizer fit(Dataset<Label> dataset);

    /**
     * The format a space reads when the trainer names none.
     * @param kind What the space's networks read.
     * @return {@link ImageInput} (shape inferred) for images, {@link TabularInput} for feature vectors.
     */
    public static InputFormat readBy(InputKind kind) {
        return kind == InputKind.IMAGES ? new ImageInput() : new TabularInput();
    }

    @Override
    public default ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "input-format");
    }
}
