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

package org.tribuo.nas.numerics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The convolutions one run used, recorded on the thread that runs it, so that the run's provenance
 * can say which signatures were checked and which were routed. Opened unchecked, it makes every
 * convolution of the thread take the engine's kernel as called (the user switched the check off).
 * Audits nest: a call is recorded by every open audit of the thread.
 * <pre>
 *   try (ConvolutionAudit audit = ConvolutionAudit.open(true)) {
 *       ... search and train ...
 *       audit.verdicts();
 *   }
 * </pre>
 */
public final class ConvolutionAudit implements AutoCloseable {

    private static final ThreadLocal<ConvolutionAudit> CURRENT = new ThreadLocal<>();

    private final boolean checking;
    private final ConvolutionAudit outer;
    private final Map<ConvSignature, ConvVerdict> used = new LinkedHashMap<>();
    private boolean closed;

    private ConvolutionAudit(boolean checking, ConvolutionAudit outer) {
        this.checking = checking;
        this.outer = outer;
    }

    /**
     * Opens an audit on this thread.
     * @param checking Whether convolutions are checked and routed (false: the engine as called).
     * @return The audit; close it on the same thread.
     */
    public static ConvolutionAudit open(boolean checking) {
        ConvolutionAudit audit = new ConvolutionAudit(checking, CURRENT.get());
        CURRENT.set(audit);
        return audit;
    }

    /** The innermost open audit of this thread, or null. */
    static ConvolutionAudit current() {
        return CURRENT.get();
    }

    /**
     * Whether convolutions are checked.
     * @return False if the check was switched off.
     */
    public boolean checking() {
        return checking;
    }

    void record(ConvVerdict verdict) {
        for (ConvolutionAudit a = this; a != null; a = a.outer) {
            a.used.putIfAbsent(verdict.signature(), verdict);
        }
    }

    /**
     * The verdicts of the convolutions used since the audit opened, in order of first use.
     * @return The verdicts (empty when not checking).
     */
    public List<ConvVerdict> verdicts() {
        return new ArrayList<>(used.values());
    }

    /**
     * The verdicts whose calls were routed.
     * @return The routed verdicts.
     */
    public List<ConvVerdict> routed() {
        return used.values().stream().filter(ConvVerdict::routed).toList();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            CURRENT.set(outer);
        }
    }
}
