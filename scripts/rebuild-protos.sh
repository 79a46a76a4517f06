#!/usr/bin/env bash
# Regenerates the protobuf classes under tribuo-nas/src/main/java/org/tribuo/nas/protos from
# tribuo-nas/src/main/resources/protos/tribuo-nas.proto with protoc 3.25.6 (the protobuf-java
# line Tribuo 4.3.2 uses), fetched from Maven Central. The generated classes are committed, as
# Tribuo does, so the build needs no protoc.
set -euo pipefail
cd "$(dirname "$0")/.."
version=3.25.6
mvn -q -B dependency:get -Dartifact=com.google.protobuf:protoc:${version}:exe:linux-x86_64
protoc="$HOME/.m2/repository/com/google/protobuf/protoc/${version}/protoc-${version}-linux-x86_64.exe"
chmod +x "$protoc"
"$protoc" --proto_path=tribuo-nas/src/main/resources/protos --java_out=tribuo-nas/src/main/java \
  tribuo-nas/src/main/resources/protos/tribuo-nas.proto
echo "regenerated org.tribuo.nas.protos"
