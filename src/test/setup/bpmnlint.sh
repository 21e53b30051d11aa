#!/usr/bin/env bash
# Lints every processes/*.bpmn with bpmnlint (rules: .bpmnlintrc, bpmnlint:recommended).
# Fails on any lint error; warnings are printed but do not fail.
# Maven runs it in the process-test-classes phase after install-test-tools.sh (skipped with
# -DskipTests). By hand: bash src/test/setup/bpmnlint.sh  (or npm run lint:bpmn)
set -u
cd "$(dirname "$0")/../../.."   # project root

lint=node_modules/.bin/bpmnlint
if [ ! -x "$lint" ]; then
  echo "[bpmnlint] $lint is missing: run 'npm ci --no-audit --no-fund' in $(pwd) (install-test-tools.sh does so when npm is available)" >&2
  exit 1
fi

shopt -s nullglob
files=(processes/*.bpmn)
if [ ${#files[@]} -eq 0 ]; then
  echo "[bpmnlint] no processes/*.bpmn to lint"
  exit 0
fi

failed=()
for f in "${files[@]}"; do
  if ! "$lint" "$f"; then
    failed+=("$f")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "[bpmnlint] lint errors in: ${failed[*]}" >&2
  exit 1
fi
echo "[bpmnlint] ${#files[@]} file(s) clean: ${files[*]}"
