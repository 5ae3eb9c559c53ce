#!/usr/bin/env bash
# Checks that a user's own Maven project can depend on Kernelwise: installs the modules into the local repository
# (mvn install, no tests), builds scripts/user-project (its pom names only dev.kernelwise:kernelwise-models) and runs it
# with plain `java -cp` (no launcher, no JVM flags) on a stored model and a plan. Arguments: MODEL.zip PLAN.json
# (default: results/models/lenet5-mnist.zip and results/bench/userloop-plan-ddpg-size0.011.json).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
model="${1:-$here/results/models/lenet5-mnist.zip}"
plan="${2:-$here/results/bench/userloop-plan-ddpg-size0.011.json}"
[ -f "$model" ] || { echo "check-user-project: no model $model (train one: ./kernelwise train --model lenet5 --dataset mnist)" >&2; exit 3; }
(cd "$here" && mvn -B -q -DskipTests install)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$here/scripts/user-project/." "$work/"
cd "$work"
mvn -B -q package
mvn -B -q dependency:build-classpath -Dmdep.outputFile=cp.txt
if tr ':' '\n' < cp.txt | grep -E -- '-tests\.jar|junit' >/dev/null; then echo "check-user-project: test jars on the user's classpath" >&2; exit 1; fi
java -cp "target/classes:$(cat cp.txt)" demo.Main "$model" "$plan" "$work/out.kw"
