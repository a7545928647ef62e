#!/usr/bin/env bash
# Runs every test project, then FaceEval's own regression gate (eval.config.json's gate suites on the
# snapshots ./setup.sh imported from ../shared), and ends with one line: "N passed, N failed[, N skipped]"
# counting unit tests and gate rules together. Extra arguments go to `dotnet test`
# (e.g. --filter "FullyQualifiedName~Metrics"); FACEEVAL_SKIP_GATE=1 leaves the gate out.
set -uo pipefail
cd "$(dirname "$0")"
results=test-results
rm -rf "$results"
mkdir -p "$results"

dotnet test FaceEval.sln -c Release --nologo --logger "trx" --results-directory "$results" "$@"
status=$?

gate_skipped=0
if [ "${FACEEVAL_SKIP_GATE:-0}" != "1" ] && [ $# -eq 0 ]; then
  if [ -d snapshots/fiw ]; then
    echo "==> faceeval gate (eval.config.json suites, baseline reports/baseline.json)"
    ./faceeval gate --junit "$results/gate-junit.xml" --report "$results/gate.json"
    gate=$?
    # 1 is a failed rule (counted from the JUnit file); anything else is an error of its own.
    if [ $gate -ne 0 ] && [ $gate -ne 1 ]; then status=$gate; echo "gate: error (exit $gate)"; fi
    [ $gate -ne 0 ] && [ $status -eq 0 ] && status=1
  else
    echo "==> gate skipped: snapshots/fiw is missing (./setup.sh imports it when ../shared is present)"
    gate_skipped=1
  fi
fi

python3 - "$results" "$status" "$gate_skipped" <<'PY'
import glob, re, sys
passed = failed = 0
skipped = int(sys.argv[3])
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    text = open(path, encoding="utf-8").read()
    m = re.search(r"<Counters\b[^>]*>", text)
    if not m:
        continue
    attrs = dict(re.findall(r'(\w+)="(\d+)"', m.group(0)))
    passed += int(attrs.get("passed", 0))
    failed += sum(int(attrs.get(k, 0)) for k in ("failed", "error", "timeout", "aborted"))
    skipped += int(attrs.get("notExecuted", 0))
for path in glob.glob(sys.argv[1] + "/*junit*.xml"):
    text = open(path, encoding="utf-8").read()
    cases = len(re.findall(r"<testcase\b", text))
    failures = len(re.findall(r"<failure\b", text))
    passed += cases - failures
    failed += failures
if int(sys.argv[2]) != 0 and failed == 0:
    failed = 1  # the build, the runner or the gate itself failed
line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
PY
exit $status
