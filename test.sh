#!/usr/bin/env bash
# Runs every test project, then FaceEval's own regression gate (eval.config.json's gate suites on the
# snapshots ./setup.sh imported from ../shared). The gate is not a test: its rules detect change against a
# baseline this code recorded, so its verdict is printed on a line of its own ("gate: passed (N rules)",
# "gate: FAILED (k of N rules)", "gate: ERROR ...", "gate: skipped ...") and a failed rule or a gate error
# fails the run (non-zero exit). The last line counts test cases only: "N passed, N failed[, N skipped]".
# Extra arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~Metrics") and leave the gate out,
# as does FACEEVAL_SKIP_GATE=1.
set -uo pipefail
cd "$(dirname "$0")"
results=test-results
rm -rf "$results"
mkdir -p "$results"

dotnet test FaceEval.sln -c Release --nologo --logger "trx" --results-directory "$results" "$@"
test_status=$?

gate_status=0
if [ "${FACEEVAL_SKIP_GATE:-0}" = "1" ] || [ $# -ne 0 ]; then
  gate_line="gate: skipped (FACEEVAL_SKIP_GATE=1 or test arguments given)"
elif [ ! -d snapshots/fiw ]; then
  gate_line="gate: skipped (snapshots/fiw is missing; ./setup.sh imports it when ../shared is present)"
else
  echo "==> faceeval gate (eval.config.json suites, baseline reports/baseline.json)"
  ./faceeval gate --junit "$results/gate-junit.xml" --report "$results/gate.json"
  gate_status=$?
  # 0 all rules pass, 1 a rule failed (counted from the JUnit file); anything else is an error of the gate.
  gate_line=$(python3 - "$results/gate-junit.xml" "$gate_status" <<'PY'
import os, re, sys
path, code = sys.argv[1], int(sys.argv[2])
if code not in (0, 1):
    print(f"gate: ERROR (exit {code})")
    sys.exit()
if not os.path.exists(path):
    print(f"gate: ERROR (exit {code}, no JUnit file written)")
    sys.exit()
text = open(path, encoding="utf-8").read()
rules = len(re.findall(r"<testcase\b", text))
bad = len(re.findall(r"<(?:failure|error)\b", text))
if code == 0 and bad == 0 and rules > 0:
    print(f"gate: passed ({rules} rules)")
elif code == 0:
    print(f"gate: ERROR (exit 0 but {bad} of {rules} rules failed in the JUnit file)")
else:
    print(f"gate: FAILED ({max(bad, 1)} of {rules} rules)")
PY
)
  case "$gate_line" in "gate: passed"*) ;; *) [ $gate_status -eq 0 ] && gate_status=1 ;; esac
fi

echo "$gate_line"
python3 - "$results" "$test_status" <<'PY'
import glob, re, sys
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    text = open(path, encoding="utf-8").read()
    m = re.search(r"<Counters\b[^>]*>", text)
    if not m:
        continue
    attrs = dict(re.findall(r'(\w+)="(\d+)"', m.group(0)))
    passed += int(attrs.get("passed", 0))
    failed += sum(int(attrs.get(k, 0)) for k in ("failed", "error", "timeout", "aborted"))
    skipped += int(attrs.get("notExecuted", 0))
if int(sys.argv[2]) != 0 and failed == 0:
    failed = 1  # the build or the test runner itself failed
line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
PY
[ $test_status -ne 0 ] && exit $test_status
exit $gate_status
