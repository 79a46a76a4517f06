#!/usr/bin/env bash
# The main job: fetch Fashion-MNIST (Debian package) if missing, build, then run a GAEA search
# and train the found cell from scratch. Extra arguments go to the example, e.g.
#   scripts/run-fashion-mnist.sh --search-epochs 4 --train-epochs 5 --output output/run2
set -euo pipefail
cd "$(dirname "$0")/.."
data_dir=$(scripts/fetch-fashion-mnist.sh | tail -n 1)
export OPT_OUT_TRACKING=true
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$PWD/.djl-cache}"
mvn -q -B -DskipTests install
cp_file=examples/target/classpath.txt
mvn -q -B -pl examples dependency:build-classpath -Dmdep.outputFile="$PWD/$cp_file"
exec java -Xmx6g \
  -Dai.djl.offline=true \
  -Dai.djl.pytorch.num_threads="${THREADS:-2}" -Dai.djl.pytorch.num_interop_threads=1 \
  -Djava.util.logging.config.file=examples/logging.properties \
  -cp "examples/target/classes:$(cat "$cp_file")" \
  org.tribuo.nas.examples.FashionMnistSearch --data "$data_dir" "$@"
