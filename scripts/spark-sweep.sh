#!/usr/bin/env bash
# Copyright (c) 2026 tribuo-nas authors.
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.
#
# Runs a sweep file as an Apache Spark job without a Spark installation: builds the modules, then
# starts the job's driver (org.tribuo.nas.spark.SparkSweepMain) with Spark from Maven on the class
# path, so the master is local[N] (or a spark:// URL whose workers run the same Spark version):
#   scripts/spark-sweep.sh --sweep examples/config/sweeps/comparison-fixture.xml --output output/spark-sweep --master 'local[2]'
# On a cluster, use spark-submit with the job jar instead (docs/sweeps.md).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh
cp_file=tribuo-nas-spark/target/job-classpath.txt
mvn -q -B -DskipTests install -pl tribuo-nas,tribuo-nas-cli,tribuo-nas-spark >&2
mvn -q -B -pl tribuo-nas-spark dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$cp_file" >&2
# What Spark's launcher (org.apache.spark.launcher.JavaModuleOptions) adds to its JVMs on Java 17.
exec java \
  -XX:+IgnoreUnrecognizedVMOptions \
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED \
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
  --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED \
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true \
  -Dai.djl.offline="${DJL_OFFLINE:-true}" \
  -Dlog4j2.configurationFile=tribuo-nas-spark/src/test/resources/log4j2-test.properties \
  -Dspark.ui.enabled=false \
  ${JAVA_OPTS:-} \
  -cp "tribuo-nas-spark/target/classes:$(cat "$cp_file")" \
  org.tribuo.nas.spark.SparkSweepMain "$@"
