#!/usr/bin/env bash
# Issue 7's benchmarks: builds what they need, runs B1–B5 on a fresh database on the MariaDB at
# 127.0.0.1:3306 (root, no password; see BenchDatabase for overrides), drops it, and writes
# docs/benchmarks.md.  --quick: under 10 minutes on 2 cores.  Not part of .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl bench -am package -DskipTests
exec java -Xmx1g -jar bench/target/benchmarks.jar --out docs/benchmarks.md --jar server/target/licensebot.jar "$@"
