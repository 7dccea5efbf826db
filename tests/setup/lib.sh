# Shared helpers for tests/setup/*.sh. Sourced, not run.
# Every installer is idempotent: it installs only what is missing and contacts no registry otherwise.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS_DIR="${CURATION_TOOLS:-$REPO_ROOT/tests/.tools}"
mkdir -p "$TOOLS_DIR"

log() { printf '[setup] %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# apt_install PKG...: installs the Debian packages that are not installed yet.
# A private TMPDIR (a shared /tmp can be cleaned while dpkg unpacks) and a lock timeout
# (another apt run may hold the lock on a shared machine).
apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "apt: ${missing[*]}"
  local tmp="$TOOLS_DIR/tmp/apt"; mkdir -p "$tmp"
  if [ ! -f "$TOOLS_DIR/.apt-updated" ]; then
    as_root env TMPDIR="$tmp" apt-get -o DPkg::Lock::Timeout=900 update -qq >&2
    touch "$TOOLS_DIR/.apt-updated"
  fi
  as_root env TMPDIR="$tmp" DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 \
    install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# npm_install NAME@VERSION...: pinned npm packages into tests/.tools/node (one shared node_modules).
npm_install() {
  local dir="$TOOLS_DIR/node"; mkdir -p "$dir"
  [ -f "$dir/package.json" ] || echo '{"name":"curation-test-tools","private":true}' > "$dir/package.json"
  local missing=()
  for spec in "$@"; do
    local name="${spec%@*}"; local ver="${spec##*@}"
    local have
    have=$(node -e "try{console.log(require('$dir/node_modules/$name/package.json').version)}catch(e){}" 2>/dev/null || true)
    [ "$have" = "$ver" ] || missing+=("$spec")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "npm: ${missing[*]}"
  (cd "$dir" && npm install --no-audit --no-fund --loglevel=error --save-exact "${missing[@]}" >&2)
}
