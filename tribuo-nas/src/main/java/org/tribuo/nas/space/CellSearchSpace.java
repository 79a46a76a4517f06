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

import com.oracle.labs.mlrg.olcut.config.Config;

import org.tribuo.nas.util.InvalidSettingException;
import org.tribuo.nas.util.SettingChecks;

import java.util.ArrayList;
import java.util.List;

/**
 * What every cell space shares: the {@code ops} setting (candidate op names, in α's column
 * order), its parsing and checks, and the candidate list it gives. A subclass names its op enum,
 * its reference ops and its other settings' checks.
 * <p>
 * A subclass's no-argument constructor (for OLCUT) calls {@link #postConfig()}; its builder sets
 * the names with {@link #opNames(List)} and calls {@link #applySettings()}.
 *
 * @param <O> The space's op enum.
 */
public abstract class CellSearchSpace<O extends Enum<O> & CandidateOp> implements SearchSpace {

    @Config(description = "Candidate ops of every edge, in α's column order; empty means the space's reference ops "
            + "(NAS-Bench-201 and tabular: every op but none; DARTS: all eight).")
    private List<String> ops = new ArrayList<>();

    private final Class<O> opType;
    private List<O> candidates;

    /**
     * A space whose candidates come from the {@code ops} setting ({@link #postConfig()}).
     * @param opType The op enum.
     */
    protected CellSearchSpace(Class<O> opType) {
        this.opType = opType;
    }

    /**
     * A space over the given candidates.
     * @param opType The op enum.
     * @param candidates The candidate ops, in α's column order.
     * @throws InvalidSettingException naming {@code ops} if the list is empty, has a duplicate or
     * breaks the space's own rule.
     */
    protected CellSearchSpace(Class<O> opType, List<O> candidates) {
        this(opType);
        setCandidates(candidates);
        this.ops = new ArrayList<>(CandidateOps.names(this.candidates));
    }

    /**
     * The ops an empty {@code ops} setting means.
     * @return The reference candidates.
     */
    protected abstract List<O> referenceOps();

    /**
     * The space's name in messages, e.g. {@code NAS-Bench-201}.
     * @return The name.
     */
    protected abstract String family();

    /**
     * Checks the settings other than {@code ops}.
     * @throws InvalidSettingException naming the first invalid setting.
     */
    protected abstract void checkSettings();

    /**
     * The space's own rule on a candidate list, beyond "at least one op, no duplicate".
     * @param checked The candidates.
     * @throws IllegalArgumentException saying what is wrong.
     */
    protected void checkCandidates(List<O> checked) {}

    /**
     * Used by the OLCUT configuration system, and should not be called by external code.
     */
    @Override
    public void postConfig() {
        SettingChecks.validateConfigured(this, this::applySettings);
    }

    /**
     * Reads the {@code ops} setting into the candidates and checks every setting.
     * @throws InvalidSettingException naming the first invalid setting.
     */
    protected final void applySettings() {
        List<O> parsed;
        try {
            parsed = ops.isEmpty() ? referenceOps() : CandidateOps.parseList(opType, String.join(",", ops), family());
        } catch (IllegalArgumentException e) {
            throw InvalidSettingException.about("ops", "ops: " + e.getMessage());
        }
        setCandidates(parsed);
        checkSettings();
    }

    /**
     * Sets the {@code ops} setting, for a builder; {@link #applySettings()} reads it.
     * @param names Candidate op names (empty: the reference ops).
     */
    protected final void opNames(List<String> names) {
        ops = new ArrayList<>(names);
    }

    private void setCandidates(List<O> list) {
        try {
            List<O> checked = CandidateOps.checked(list, family());
            checkCandidates(checked);
            candidates = checked;
        } catch (IllegalArgumentException e) {
            throw InvalidSettingException.about("ops", e.getMessage());
        }
    }

    /**
     * The candidate ops in α's column order.
     * @return An unmodifiable list.
     */
    public List<O> candidateOps() {
        return candidates;
    }

    /**
     * Number of candidate ops (columns of α).
     * @return The op count.
     */
    public int numOps() {
        return candidates.size();
    }

    @Override
    public List<String> ops() {
        return CandidateOps.names(candidates);
    }
}
