# shellcheck shell=bash
# Builds and installs pgvector (0.8.x, Debian trixie source package) into the system PostgreSQL
# when it is not installed yet. Sourced by scripts/infra/infra.sh.

sw_pg_bin() { printf '/usr/lib/postgresql/%s/bin' "$SHIFTWATCH_PG_VERSION"; }

sw_pgvector_installed() {
  local share; share=$("$(sw_pg_bin)/pg_config" --sharedir 2>/dev/null) || return 1
  [[ -f "$share/extension/vector.control" ]]
}

# apt-get with the private trixie deb-src list and private lists/cache dirs.
sw_apt_private() {
  local dir="$SHIFTWATCH_CACHE_DIR/apt"
  mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial"
  apt-get -q \
    -o Dir::Etc::SourceList="$SHIFTWATCH_ROOT/scripts/infra/apt/trixie-src.list" \
    -o Dir::Etc::SourceParts=- \
    -o Dir::State::Lists="$dir/lists" \
    -o Dir::Cache="$dir/cache" \
    -o APT::Sandbox::User=root \
    "$@"
}

sw_pgvector_step() {
  if sw_pgvector_installed; then
    sw_log "pgvector: already installed ($("$(sw_pg_bin)/pg_config" --sharedir)/extension/vector.control)"
    return 0
  fi
  local t0 src build="$SHIFTWATCH_CACHE_DIR/pgvector"
  t0=$(sw_now)
  mkdir -p "$build"
  src=$(find "$build" -maxdepth 1 -type d -name 'pgvector-0.8*' | sort | tail -n 1)
  if [[ -z "$src" ]]; then
    sw_log "pgvector: fetching the Debian trixie source package into $build"
    sw_apt_private update >&2 || sw_die "apt-get update with scripts/infra/apt/trixie-src.list failed (is deb.debian.org reachable?)"
    (cd "$build" && sw_apt_private source pgvector >&2) || sw_die "apt-get source pgvector failed"
    src=$(find "$build" -maxdepth 1 -type d -name 'pgvector-0.8*' | sort | tail -n 1)
    [[ -n "$src" ]] || sw_die "apt-get source pgvector did not produce a pgvector-0.8.x directory in $build"
  fi
  sw_log "pgvector: building $(basename "$src") against PostgreSQL $SHIFTWATCH_PG_VERSION"
  make -C "$src" -j"$(nproc)" PG_CONFIG="$(sw_pg_bin)/pg_config" >"$build/build.log" 2>&1 \
    || sw_die "pgvector build failed, see $build/build.log"
  sw_as_root make -C "$src" PG_CONFIG="$(sw_pg_bin)/pg_config" install >>"$build/build.log" 2>&1 \
    || sw_die "pgvector install failed, see $build/build.log"
  sw_pgvector_installed || sw_die "pgvector installed but vector.control is still missing"
  sw_log "pgvector: built and installed ($(sw_elapsed "$t0")s)"
}

sw_as_root() {
  if [[ $EUID -eq 0 ]]; then "$@"; else sudo "$@"; fi
}
