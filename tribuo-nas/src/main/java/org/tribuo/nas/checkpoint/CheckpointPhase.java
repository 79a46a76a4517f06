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
 * The phases of a run that keep a checkpoint, each in its own file of the run's folder.
 */
public enum CheckpointPhase {
    /** The architecture search. */
    SEARCH("search", RunCheckpoints.SEARCH_FILE),
    /** The training of the found network from scratch. */
    FINAL_TRAINING("final-training", RunCheckpoints.FINAL_FILE);

    private final String label;
    private final String file;

    CheckpointPhase(String label, String file) {
        this.label = label;
        this.file = file;
    }

    /**
     * The phase's name in messages and in the checkpoint file's header.
     * @return e.g. {@code search}.
     */
    public String label() {
        return label;
    }

    /**
     * The checkpoint file's name in the run's folder.
     * @return e.g. {@code search.ckpt}.
     */
    public String file() {
        return file;
    }
}
