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
package org.tribuo.nas.checkpoint;

/**
 * The two phases of a run, the search and the final training: each reports progress under its
 * name and keeps its checkpoint in its own file of the run's folder.
 */
public enum RunPhase {
    /** The architecture search on the supernet. */
    SEARCH("search", "search", "search", RunCheckpoints.SEARCH_FILE),
    /** The training of the found network from scratch. */
    FINAL_TRAINING("final", "final-training", "final training", RunCheckpoints.FINAL_FILE);

    private final String kind;
    private final String label;
    private final String displayName;
    private final String file;

    RunPhase(String kind, String label, String displayName, String file) {
        this.kind = kind;
        this.label = label;
        this.displayName = displayName;
        this.file = file;
    }

    /**
     * The kind of state in the checkpoint file's header (as files written before this enum say).
     * @return {@code search} or {@code final}.
     */
    public String kind() {
        return kind;
    }

    /**
     * The phase's name in checkpoint descriptions.
     * @return e.g. {@code final-training}.
     */
    public String label() {
        return label;
    }

    /**
     * The phase's name in sentences.
     * @return e.g. {@code final training}.
     */
    public String displayName() {
        return displayName;
    }

    /**
     * The checkpoint file's name in the run's folder.
     * @return e.g. {@code search.ckpt}.
     */
    public String file() {
        return file;
    }
}
