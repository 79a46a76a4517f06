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

package org.tribuo.nas.space;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Name lookup and candidate-list checks of a space's op enum ({@link CandidateOp}); every error
 * message names the space's ops and lists the valid names.
 */
public final class CandidateOps {

    private CandidateOps() {}

    /**
     * Looks an op up by its name or its enum constant's name, case-insensitively, ignoring
     * surrounding whitespace.
     * @param type The op enum.
     * @param name The name.
     * @param family Whose ops these are, for the message, e.g. {@code NAS-Bench-201}.
     * @param <O> The op type.
     * @return The op.
     * @throws IllegalArgumentException if no op has that name; the message lists the valid names.
     */
    public static <O extends Enum<O> & CandidateOp> O fromName(Class<O> type, String name, String family) {
        if (name == null) {
            throw new IllegalArgumentException(family + " op name is null, expected one of " + validNames(type));
        }
        String lower = name.trim().toLowerCase(Locale.ROOT);
        for (O op : type.getEnumConstants()) {
            if (op.opName().equals(lower) || op.name().toLowerCase(Locale.ROOT).equals(lower)) {
                return op;
            }
        }
        throw new IllegalArgumentException("unknown " + family + " op '" + name + "', expected one of " + validNames(type));
    }

    /**
     * Every op's name, in declaration order.
     * @param type The op enum.
     * @param <O> The op type.
     * @return The names, comma separated.
     */
    public static <O extends Enum<O> & CandidateOp> String validNames(Class<O> type) {
        return joined(Arrays.asList(type.getEnumConstants()), ", ");
    }

    /**
     * Parses a comma separated list of names; blank entries are skipped.
     * @param type The op enum.
     * @param names e.g. {@code "skip_connect,nor_conv_3x3"}.
     * @param family Whose ops these are, for the message.
     * @param <O> The op type.
     * @return The ops, in order.
     * @throws IllegalArgumentException on an unknown name (the message lists the valid ones).
     */
    public static <O extends Enum<O> & CandidateOp> List<O> parseList(Class<O> type, String names, String family) {
        Objects.requireNonNull(names, "names");
        return Arrays.stream(names.split(",")).filter(n -> !n.isBlank()).map(n -> fromName(type, n, family)).toList();
    }

    /**
     * Checks a candidate list: at least one op, no null, no duplicate.
     * @param ops The candidate ops, in α's column order.
     * @param space The space's name, for the message.
     * @param <O> The op type.
     * @return An unmodifiable copy.
     * @throws IllegalArgumentException naming what is wrong.
     */
    public static <O extends Enum<O> & CandidateOp> List<O> checked(List<O> ops, String space) {
        Objects.requireNonNull(ops, "ops");
        if (ops.isEmpty()) {
            throw new IllegalArgumentException("the " + space + " space needs at least one candidate op");
        }
        ops.forEach(op -> Objects.requireNonNull(op, "op"));
        if (EnumSet.copyOf(ops).size() != ops.size()) {
            throw new IllegalArgumentException("duplicate op in the " + space + " candidate list " + ops);
        }
        return List.copyOf(ops);
    }

    /**
     * The ops' names.
     * @param ops The ops.
     * @return Their names, in order.
     */
    public static List<String> names(List<? extends CandidateOp> ops) {
        return ops.stream().map(CandidateOp::opName).toList();
    }

    /**
     * The ops' names joined.
     * @param ops The ops.
     * @param separator Between two names.
     * @return e.g. {@code skip_connect,nor_conv_3x3}.
     */
    public static String joined(List<? extends CandidateOp> ops, String separator) {
        return ops.stream().map(CandidateOp::opName).collect(Collectors.joining(separator));
    }
}
