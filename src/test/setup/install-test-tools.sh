#!/usr/bin/env bash
# Installs what the browser test and the BPMN lint need, and does nothing when they are there.
#
#   - Debian's Chromium, ChromeDriver and Noto CJK fonts (Chinese text in screenshots) for the
#     browser tests (cn.gov.county.campaign.TasklistBrowser); installed with apt-get when run as root.
#   - bpmnlint from package-lock.json (npm ci) when node_modules/.bin/bpmnlint is missing.
#
# Never fails the build: if something cannot be installed it prints one line saying what is
# missing and why. The browser tests then skip with that reason (or fails when CI=true), and
# bpmnlint.sh fails with its own message.
#
# Maven runs it in the process-test-classes phase (exec-maven-plugin, skipped with -DskipTests).
set -u

cd "$(dirname "$0")/../../.."   # project root

log() { echo "[install-test-tools] $*"; }

have_fonts() {
  if command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
    return 0
  fi
  dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q "install ok installed"
}

missing=()
[ -x /usr/bin/chromium ] || missing+=("chromium (/usr/bin/chromium)")
[ -x /usr/bin/chromedriver ] || missing+=("chromium-driver (/usr/bin/chromedriver)")
have_fonts || missing+=("fonts-noto-cjk (Noto Sans CJK)")

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    log "MISSING: ${missing[*]}; not root, so cannot apt-get install them. Run as root: apt-get install -y --no-install-recommends chromium chromium-driver fonts-noto-cjk. The browser test will be skipped (failed when CI=true)."
  elif ! command -v apt-get >/dev/null 2>&1; then
    log "MISSING: ${missing[*]}; no apt-get on this machine. Install Chromium, ChromeDriver and Noto CJK fonts by hand. The browser test will be skipped (failed when CI=true)."
  else
    log "installing ${missing[*]} with apt-get"
    start=$(date +%s)
    export DEBIAN_FRONTEND=noninteractive
    if apt-get update -qq >/tmp/install-test-tools-apt.log 2>&1 \
       && apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-noto-cjk \
            >>/tmp/install-test-tools-apt.log 2>&1; then
      log "installed in $(( $(date +%s) - start )) s: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
    else
      log "MISSING: ${missing[*]}; apt-get failed (see /tmp/install-test-tools-apt.log):"
      tail -n 5 /tmp/install-test-tools-apt.log | sed 's/^/[install-test-tools]   /'
      log "The browser test will be skipped (failed when CI=true)."
    fi
  fi
fi

if [ ! -x node_modules/.bin/bpmnlint ]; then
  if ! command -v npm >/dev/null 2>&1; then
    log "MISSING: node_modules/.bin/bpmnlint; npm is not installed, so npm ci cannot run."
  elif [ ! -f package-lock.json ]; then
    log "MISSING: node_modules/.bin/bpmnlint; no package-lock.json in $(pwd) for npm ci."
  else
    log "installing bpmnlint: npm ci"
    start=$(date +%s)
    npm_log=$(mktemp)
    if npm ci --no-audit --no-fund >"$npm_log" 2>&1; then
      log "bpmnlint installed in $(( $(date +%s) - start )) s"
    else
      log "MISSING: node_modules/.bin/bpmnlint; npm ci failed:"
      tail -n 15 "$npm_log" | sed 's/^/[install-test-tools]   /'
    fi
    rm -f "$npm_log"
  fi
fi
exit 0
