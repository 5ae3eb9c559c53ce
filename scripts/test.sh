#!/usr/bin/env bash
# Runs the whole test suite: fetches the data the tests read (MNIST, Fashion-MNIST, digits), then builds and tests every module.
# Surefire's "Tests run: N, Failures: 0" summary is printed (no -q). Extra arguments go to Maven,
# e.g. scripts/test.sh -DexcludedGroups=slow  (skip the tests tagged slow).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bash scripts/fetch-data.sh mnist fashion-mnist digits
mvn -B verify "$@"
