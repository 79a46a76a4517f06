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

import ai.djl.pytorch.jni.JniUtils;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.resource.ResourceInformation;
import org.tribuo.nas.sweep.SweepRun;
import org.tribuo.nas.sweep.SweepRunner;
import org.tribuo.nas.runtime.DjlRuntime;
import org.tribuo.nas.loop.TrainingProgress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * One sweep run as one Spark task, on the executor, given the run's index: the runs travel with
 * the function (Java-serialized in the task closure) and the result comes back as JSON, so the
 * job works under any {@code spark.serializer}, Kryo included (which cannot handle records). It it limits PyTorch's threads to the task's
 * cores ({@code spark.task.cpus}), trains on the GPU Spark assigned to the task if any (else on
 * the experiment's device), and runs the run into the shared output folder with
 * {@link SweepRunner}, so a finished run is skipped and an interrupted one resumes.
 */
final class SweepTask implements Function<Integer, String> {

    private static final long serialVersionUID = 1L;

    private final String output;
    private final List<SweepRun> runs;

    /**
     * Creates the task function.
     * @param output The sweep's output folder, reachable from every executor.
     * @param runs The sweep's runs.
     */
    SweepTask(String output, List<SweepRun> runs) {
        this.output = output;
        this.runs = new ArrayList<>(runs);
    }

    @Override
    public String call(Integer index) {
        SweepRun run = runs.get(index);
        DjlRuntime.preferOffline();
        DjlRuntime.engine(); // loads the natives, which setting the thread count needs
        TaskContext task = TaskContext.get();
        SweepRun placed = run;
        if (task != null) {
            JniUtils.setNumThreads(Math.max(1, task.cpus()));
            placed = onAssignedGpu(run, task);
        }
        String name = run.name();
        TrainingProgress progress = TrainingProgress.eachEpoch(org.tribuo.nas.loop.EpochFigures.class,
                f -> System.out.println(name + ": epoch " + f.epoch() + ": " + f.summary()));
        try {
            return SweepRunner.run(Paths.get(output), placed, progress, System.out).toJson();
        } catch (IOException e) {
            throw new UncheckedIOException("sweep run '" + run.name() + "' failed: " + e.getMessage(), e);
        }
    }

    /** The run with its trainer on the task's GPU, when Spark's resource scheduling assigned one. */
    private static SweepRun onAssignedGpu(SweepRun run, TaskContext task) {
        ResourceInformation gpus = task.resources().get("gpu").getOrElse(() -> null);
        if (gpus == null || gpus.addresses().length == 0) {
            return run;
        }
        List<String> settings = new ArrayList<>(run.settings());
        settings.add("trainer.device=gpu:" + gpus.addresses()[0]);
        return new SweepRun(run.name(), run.group(), run.experiment(), settings);
    }
}
