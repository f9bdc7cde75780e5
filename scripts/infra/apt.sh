# shellcheck shell=bash
# Installs the Debian packages the local infrastructure needs (only the missing ones).
# Sourced by scripts/infra/infra.sh.

# chromium + chromium-driver: the dashboards browser ITs (headless, /usr/bin/chromedriver).
SW_APT_PACKAGES_BASE=(ca-certificates xz-utils build-essential dpkg-dev chromium chromium-driver)

sw_apt_packages() {
  local v="$SHIFTWATCH_PG_VERSION"
  printf '%s\n' "${SW_APT_PACKAGES_BASE[@]}" "postgresql-$v" "postgresql-client-$v" "postgresql-server-dev-$v"
}

sw_pkg_installed() {
  [[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" == "installed" ]]
}

# Runs apt-get as root (directly, or through sudo when not root).
sw_apt_get() {
  if [[ $EUID -eq 0 ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get "$@"
  elif command -v sudo >/dev/null; then
    sudo DEBIAN_FRONTEND=noninteractive apt-get "$@"
  else
    sw_die "need root or sudo to run: apt-get $*"
  fi
}

# Installs the given packages when any is missing; runs `apt-get update` only when the first
# install attempt fails (e.g. empty or stale package lists), then retries once.
sw_apt_ensure() {
  local missing=() p
  for p in "$@"; do sw_pkg_installed "$p" || missing+=("$p"); done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  command -v apt-get >/dev/null || sw_die "missing packages (${missing[*]}) and no apt-get: this needs Debian bookworm"
  sw_log "apt: installing ${missing[*]}"
  if ! sw_apt_get install -y -q --no-install-recommends "${missing[@]}" >&2; then
    sw_log "apt: install failed; running apt-get update and retrying once"
    sw_apt_get update -q >&2
    sw_apt_get install -y -q --no-install-recommends "${missing[@]}" >&2 \
      || sw_die "apt-get install ${missing[*]} failed (see above)"
  fi
}

# The Python baselines of `./shiftwatch bench NAME` (Debian packages), installed on first use of that benchmark.
sw_bench_baselines() {
  case "${1:-}" in
    kmeans) sw_apt_ensure python3-numpy python3-sklearn python3-threadpoolctl ;;
    grounding) sw_apt_ensure python3-numpy python3-threadpoolctl ;;
    extraction) sw_apt_ensure python3-numpy python3-torch ;;
  esac
}

sw_apt_step() {
  local t0; t0=$(sw_now)
  mapfile -t pkgs < <(sw_apt_packages)
  sw_apt_ensure "${pkgs[@]}"
  sw_log "apt: packages present ($(sw_elapsed "$t0")s)"
}
