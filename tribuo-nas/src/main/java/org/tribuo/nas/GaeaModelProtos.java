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

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.impl.ModelDataCarrier;
import org.tribuo.nas.arch.Simplex;
import org.tribuo.nas.data.ExampleTensorizer;
import org.tribuo.nas.data.ImageShape;
import org.tribuo.nas.data.Normalization;
import org.tribuo.nas.protos.GaeaModelProto;
import org.tribuo.nas.space.Genotype;
import org.tribuo.nas.space.NetworkSettings;
import org.tribuo.nas.space.SearchSpace;
import org.tribuo.nas.train.TrainedNetwork;
import org.tribuo.protos.core.ModelDataProto;
import org.tribuo.protos.core.ModelProto;

import ai.djl.Device;

import java.io.IOException;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The protobuf form of a {@link GaeaModel} (Tribuo's model format): the metadata carrier, the
 * search space as a component, the genotype, network sizes and weights, input normalization, α
 * and β, the search history, and a CRC-32 of the whole so a damaged file is refused.
 */
final class GaeaModelProtos {

    private GaeaModelProtos() {}

    /**
     * Serializes a model.
     * @param model The model.
     * @param carrier Its metadata (name, provenance, domains).
     * @return The protobuf.
     */
    static ModelProto serialize(GaeaModel model, ModelDataCarrier<Label> carrier) {
                TrainedNetwork network = model.network();
        Normalization norm = network.normalization();
        float[][] alpha = model.alpha();
        float[] beta = model.beta();
        GaeaModelProto.Builder b = GaeaModelProto.newBuilder()
                .setMetadata(carrier.serialize().toByteString())
                .setSearchSpace(network.space().name())
                .setSearchSpaceProvenance(SearchSpaceProvenance.serialize(network.space()))
                .setOps(String.join(",", model.ops()))
                .setGenotype(network.genotype().toString())
                .setChannels(network.channels())
                .setCellsPerStage(network.depth())
                .setAuxiliaryHead(network.settings().auxiliaryHead())
                .setImageChannels(network.shape().channels())
                .setImageHeight(network.shape().height())
                .setImageWidth(network.shape().width())
                .setAlphaRows(alpha.length)
                .setAlphaCols(alpha[0].length)
                .setParameters(ByteString.copyFrom(network.parameterBytes()))
                .setPredictBatchSize(model.predictBatchSize())
                .setSearchHistoryJson(model.searchHistoryJson());
        for (float v : norm.means()) {
            b.addNormalizationMean(v);
        }
        for (float v : norm.stds()) {
            b.addNormalizationStd(v);
        }
        for (float v : Simplex.flatten(alpha)) {
            b.addAlpha(v);
        }
        if (beta != null) {
            for (float v : beta) {
                b.addBeta(v);
            }
        }
        b.setCrc32(crc32(b.build()));
        return ModelProto.newBuilder()
                .setVersion(GaeaModel.CURRENT_VERSION)
                .setClassName(GaeaModel.class.getName())
                .setSerializedData(Any.pack(b.build()))
                .build();
    }

    private static int crc32(GaeaModelProto unsummed) {
        CRC32 crc = new CRC32();
        crc.update(unsummed.toByteArray());
        return (int) crc.getValue();
    }

    /**
     * Reads a model.
     * @param version The serialized format version.
     * @param message The serialized data.
     * @param device Where the network goes.
     * @return The model.
     * @throws InvalidProtocolBufferException If the message is not a GaeaModelProto or its weights are unreadable.
     */
    static GaeaModel deserialize(int version, Any message, Device device) throws InvalidProtocolBufferException {
        if (version >= 0 && version < GaeaModel.OLDEST_READABLE_VERSION) {
            throw new IllegalArgumentException("model format " + version + " was written by a tribuo-nas from before "
                    + "search spaces became configurable components (0.1.0-SNAPSHOT before the composed trainer); tribuo-nas "
                    + TribuoNasVersion.VERSION + " reads model formats " + GaeaModel.OLDEST_READABLE_VERSION + " to " + GaeaModel.CURRENT_VERSION
                    + ". Load it with the tribuo-nas that wrote it (see its provenance.json), or train it again "
                    + "with the composed configuration (docs/usage.md, \"Migrating a flat configuration\")");
        }
        if (version < 0 || version > GaeaModel.CURRENT_VERSION) {
            throw new IllegalArgumentException("model format " + version + " was written by "
                    + (version > GaeaModel.CURRENT_VERSION ? "a newer" : "an unknown") + " tribuo-nas; tribuo-nas "
                    + TribuoNasVersion.VERSION + " reads model formats 0 to " + GaeaModel.CURRENT_VERSION
                    + (version > GaeaModel.CURRENT_VERSION ? "; load it with the tribuo-nas that wrote it (see its provenance.json) or a newer one" : ""));
        }
        GaeaModelProto proto = message.unpack(GaeaModelProto.class);
        if (proto.getCrc32() != 0 && proto.getCrc32() != crc32(proto.toBuilder().clearCrc32().build())) {
            throw new IllegalArgumentException("the GaeaModel data is damaged (CRC-32 mismatch): the file was "
                    + "corrupted after it was written");
        }
        ModelDataCarrier<?> carrier = ModelDataCarrier.deserialize(ModelDataProto.parseFrom(proto.getMetadata()));
        if (!carrier.outputDomain().getOutput(0).getClass().equals(Label.class)) {
            throw new IllegalArgumentException("a GaeaModel predicts Labels, this file's output domain holds "
                    + carrier.outputDomain().getOutput(0).getClass().getName());
        }
        @SuppressWarnings("unchecked") // guarded by the check above
        ImmutableOutputInfo<Label> outputs = (ImmutableOutputInfo<Label>) carrier.outputDomain();
        ImageShape shape = new ImageShape(proto.getImageChannels(), proto.getImageHeight(), proto.getImageWidth());
        Normalization norm = new Normalization(shape, floats(proto.getNormalizationMeanList()),
                floats(proto.getNormalizationStdList()));
        SearchSpace space = SearchSpaceProvenance.rebuild(proto.getSearchSpaceProvenance());
        Genotype genotype = space.parseGenotype(proto.getGenotype());
        float[][] alpha = Simplex.unflatten(floats(proto.getAlphaList()), proto.getAlphaRows(), proto.getAlphaCols());
        float[] beta = proto.getBetaCount() == 0 ? null : floats(proto.getBetaList());
        NetworkSettings settings = new NetworkSettings(proto.getChannels(), proto.getCellsPerStage(), proto.getAuxiliaryHead());
        TrainedNetwork network;
        try {
            network = TrainedNetwork.load(space, genotype, settings, outputs.size(), shape,
                    norm, proto.getParameters().toByteArray(), device);
        } catch (IOException e) {
            throw new InvalidProtocolBufferException(e);
        }
        return new GaeaModel(carrier.name(), carrier.provenance(), carrier.featureDomain(), outputs, network,
                ExampleTensorizer.restore(space.inputKind(), shape, carrier.featureDomain()), alpha, beta, space.ops(), proto.getSearchHistoryJson(),
                proto.getPredictBatchSize());
    }


    private static float[] floats(List<Float> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }}
