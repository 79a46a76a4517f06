#!/usr/bin/env bash
# Copyright (c) 2026 tribuo-nas authors. Licensed under the Apache License, Version 2.0.
#
# One command for a machine with an NVIDIA GPU: checks that tribuo-nas really runs there.
#   1. builds the CLI distribution without the CPU natives (into output/gpu-check/dist) and runs
#      `tribuo-nas doctor --device gpu` with it;
#   2. runs the main job (README) with device=gpu and prints its time and test accuracy;
#   3. times one search-step benchmark row on the GPU and the same row on the CPU, same natives.
# The natives: with PYTORCH_LIBRARY_PATH set (a libtorch 2.7.1 built for CUDA 12.8, with
# PYTORCH_VERSION=2.7.1 PYTORCH_FLAVOR=cu128) DJL loads that one, offline; otherwise DJL downloads
# the CUDA natives that match the driver on first use (needs publish.djl.ai).
# It never falls back to the CPU: without a usable GPU it stops after step 1 with exit code 1.
set -euo pipefail
cd "$(dirname "$0")/.."
out=output/gpu-check
mkdir -p "$out"
version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)"
dist="$out/dist"

online=()
java_opts=""
if [[ -z "${PYTORCH_LIBRARY_PATH:-}" ]]; then
    online=(--online)
    java_opts="-Dai.djl.offline=false"
    echo "gpu-check: PYTORCH_LIBRARY_PATH is not set: DJL will download the CUDA natives (online)"
else
    echo "gpu-check: DJL loads libtorch from PYTORCH_LIBRARY_PATH=$PYTORCH_LIBRARY_PATH (flavor ${PYTORCH_FLAVOR:-unset})"
fi

echo "== 1. the distribution without CPU natives, and doctor --device gpu"
if [[ ! -x "$dist/bin/tribuo-nas" ]]; then
    mvn -q -B -DskipTests -DskipCpuNatives clean package -pl tribuo-nas-cli -am
    rm -rf "$dist"
    cp -r "tribuo-nas-cli/target/tribuo-nas-$version/tribuo-nas-$version" "$dist"
    # The next bin/tribuo-nas builds its usual CPU distribution again.
    rm -rf tribuo-nas-cli/target
fi
if ! "$dist/bin/tribuo-nas" "${online[@]}" doctor --device gpu; then
    echo "gpu-check: FAILED: no usable GPU (doctor's report above says why); nothing ran on the CPU instead." >&2
    exit 1
fi

echo "== 2. the main job on the GPU"
scripts/fetch-fashion-mnist.sh > /dev/null
start=$(date +%s)
"$dist/bin/tribuo-nas" "${online[@]}" search --config examples/config/fashion-mnist.xml --no-progress \
    --output "$out/main-job" --set trainer.device=gpu | tee "$out/main-job.txt"
echo "gpu-check: main job on the GPU: $(( $(date +%s) - start )) s wall, $(grep -m1 -i 'accuracy' "$out/main-job.txt" || echo 'accuracy: see above')"

echo "== 3. one search-step row (preset 4: C=16 N=1 1x28x28, batch 64), GPU then CPU, the same natives"
for device in gpu cpu; do
    NO_CPU_NATIVES=1 JAVA_OPTS="$java_opts" scripts/run-bench.sh org.tribuo.nas.examples.bench.SearchStepBenchmark \
        --rows 4 --device "$device" | tee "$out/search-step-$device.md"
done
