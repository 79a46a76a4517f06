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

import com.oracle.labs.mlrg.olcut.config.Config;

import org.tribuo.Dataset;
import org.tribuo.classification.Label;
import org.tribuo.nas.space.InputKind;
import org.tribuo.nas.util.InvalidSettingException;

import java.util.Optional;

/**
 * Images whose pixels are features named by their flat index, as Tribuo's {@code IDXDataSource}
 * writes them ({@code 000} to {@code 783} for 28×28). The shape is configured, or inferred from
 * the data when every field is 0 ({@link ImageShapeResolver}).
 */
public final class ImageInput implements InputFormat {

    @Config(description = "Channels of the input images; 0 (with height and width 0) infers the shape from the data.")
    private int channels = 0;
    @Config(description = "Height of the input images in pixels; 0 infers it from the data.")
    private int height = 0;
    @Config(description = "Width of the input images in pixels; 0 infers it from the data.")
    private int width = 0;

    /** Images of a shape inferred from the data. */
    public ImageInput() {}

    /**
     * Images of a given shape.
     * @param shape The shape.
     */
    public ImageInput(ImageShape shape) {
        this.channels = shape.channels();
        this.height = shape.height();
        this.width = shape.width();
    }

    @Override
    public void postConfig() {
        boolean infer = channels == 0 && height == 0 && width == 0;
        if (!infer) {
            for (String[] field : new String[][]{{"channels", "" + channels}, {"height", "" + height}, {"width", "" + width}}) {
                if (Integer.parseInt(field[1]) <= 0) {
                    throw new InvalidSettingException(field[0], "must be positive, got " + field[1]
                            + " (set channels, height and width, or none of them to infer the shape from the data)")
                            .asPropertyException(getClass());
                }
            }
        }
    }

    /**
     * The configured shape.
     * @return channels × height × width, or empty when it is inferred from the data.
     */
    public Optional<ImageShape> shape() {
        return channels == 0 ? Optional.empty() : Optional.of(new ImageShape(channels, height, width));
    }

    @Override
    public InputKind kind() {
        return InputKind.IMAGES;
    }

    @Override
    public ExampleTensorizer fit(Dataset<Label> dataset) {
        try {
            return new ImageTensorizer(ImageShapeResolver.resolve(shape(), dataset));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + ". The search space reads images: features must be "
                    + "pixels named by their flat index, as IDXDataSource writes them"
                    + shape().map(s -> ", in the configured shape " + s).orElse("")
                    + "; for tabular data use the tabular space", e);
        }
    }

    @Override
    public String toString() {
        return "ImageInput(" + shape().map(ImageShape::toString).orElse("inferred") + ")";
    }
}
