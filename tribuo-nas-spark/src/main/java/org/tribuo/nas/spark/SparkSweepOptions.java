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

package org.tribuo.nas.spark;

import com.oracle.labs.mlrg.olcut.config.Option;
import com.oracle.labs.mlrg.olcut.config.Options;

/**
 * The command-line options of {@link SparkSweepMain}.
 */
public final class SparkSweepOptions implements Options {

    @Override
    public String getOptionsDescription() {
        return "Runs a tribuo-nas sweep file as one Apache Spark job, one task per run.";
    }

    /** The sweep file. */
    @Option(charName = 's', longName = "sweep", usage = "The sweep file (OLCUT XML or JSON), as 'tribuo-nas sweep --config' reads.")
    public String sweep;

    /** The output folder. */
    @Option(charName = 'o', longName = "output", usage = "The output folder, on a file system shared by the driver and every executor.")
    public String output;

    /** The Spark master. */
    @Option(charName = 'm', longName = "master", usage = "Spark master URL, e.g. local[2], spark://host:7077, yarn, k8s://...; "
            + "default: the one spark-submit sets.")
    public String master = "";
}
