# shellcheck shell=bash
# Shared helpers for ./shiftwatch and scripts/*: logging, JDK discovery, state dir, env file.
# Sourced, never executed. Expects SHIFTWATCH_ROOT (the repository root) to be set.

sw_log() { printf '[shiftwatch] %s\n' "$*" >&2; }
sw_die() { printf '[shiftwatch] ERROR: %s\n' "$*" >&2; exit 1; }

# Seconds since the epoch with milliseconds, for the timings the scripts print.
sw_now() { date +%s.%N; }
sw_elapsed() { awk -v a="$1" -v b="$(sw_now)" 'BEGIN { printf "%.1f", b - a }'; }

# Major Java version of a JDK home (from its `release` file), or nothing when it is not a JDK.
sw_jdk_major() {
  local home="$1" v
  [[ -x "$home/bin/java" && -r "$home/release" ]] || return 0
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
  printf '%s' "$v"
}

# Exports JAVA_HOME as a JDK >= 25: JAVA_HOME itself when it qualifies, else the newest
# /usr/lib/jvm/* that does. Fails naming what it looked at.
sw_find_jdk() {
  local min=25 best="" best_major=0 d m
  if [[ -n "${JAVA_HOME:-}" ]]; then
    m=$(sw_jdk_major "$JAVA_HOME")
    if [[ -n "$m" && "$m" -ge "$min" ]]; then export JAVA_HOME; sw_quiet_maven_on_new_jdk; return 0; fi
  fi
  for d in /usr/lib/jvm/*/; do
    d="${d%/}"
    [[ -L "$d" ]] && continue
    m=$(sw_jdk_major "$d")
    if [[ -n "$m" && "$m" -ge "$min" && "$m" -gt "$best_major" ]]; then best="$d"; best_major="$m"; fi
  done
  [[ -n "$best" ]] || sw_die "no JDK >= $min found (JAVA_HOME='${JAVA_HOME:-}', /usr/lib/jvm/*); install Temurin 25 (temurin-25-jdk) and retry"
  export JAVA_HOME="$best"
  sw_quiet_maven_on_new_jdk
}

# Maven 3.9's Guice calls sun.misc.Unsafe, which JDK >= 24 warns about on every run; allow it.
sw_quiet_maven_on_new_jdk() {
  case " ${MAVEN_OPTS:-} " in
    *sun-misc-unsafe-memory-access*) ;;
    *) export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow" ;;
  esac
}

# Absolute path of $1 (which need not exist), relative paths taken from the current directory.
sw_abspath() {
  case "$1" in
    /*) printf '%s' "$1" ;;
    *) printf '%s/%s' "$PWD" "$1" ;;
  esac
}

# Defaults of every infra setting; an explicit environment variable always wins.
sw_infra_defaults() {
  : "${SHIFTWATCH_HOME:=$SHIFTWATCH_ROOT/.shiftwatch/dev}"
  SHIFTWATCH_HOME=$(sw_abspath "$SHIFTWATCH_HOME")
  : "${SHIFTWATCH_CACHE_DIR:=${XDG_CACHE_HOME:-$HOME/.cache}/shiftwatch}"
  : "${SHIFTWATCH_PG_VERSION:=15}"
  : "${SHIFTWATCH_PG_PORT:=15432}"
  : "${SHIFTWATCH_KAFKA_PORT:=19092}"
  : "${SHIFTWATCH_KAFKA_CONTROLLER_PORT:=19093}"
  : "${SHIFTWATCH_KAFKA_HEAP:=-Xms256m -Xmx1g}"
  : "${SHIFTWATCH_DB_NAME:=shiftwatch}"
  : "${SHIFTWATCH_DB_USER:=shiftwatch}"
  : "${SHIFTWATCH_DB_PASSWORD:=shiftwatch}"
  : "${SHIFTWATCH_PG_SHARED_BUFFERS:=256MB}"
  : "${SHIFTWATCH_PG_EFFECTIVE_CACHE_SIZE:=4GB}"
  : "${SHIFTWATCH_PG_MAINTENANCE_WORK_MEM:=256MB}"
  export SHIFTWATCH_HOME SHIFTWATCH_CACHE_DIR SHIFTWATCH_PG_VERSION SHIFTWATCH_PG_PORT \
    SHIFTWATCH_PG_SHARED_BUFFERS SHIFTWATCH_PG_EFFECTIVE_CACHE_SIZE SHIFTWATCH_PG_MAINTENANCE_WORK_MEM \
    SHIFTWATCH_KAFKA_PORT SHIFTWATCH_KAFKA_CONTROLLER_PORT SHIFTWATCH_KAFKA_HEAP \
    SHIFTWATCH_DB_NAME SHIFTWATCH_DB_USER SHIFTWATCH_DB_PASSWORD
}

# The client-side variables `infra up` writes to $SHIFTWATCH_HOME/env (what ITs and services read).
# shellcheck disable=SC2034 # used by scripts/infra/infra.sh and ./shiftwatch
SW_CLIENT_VARS=(SHIFTWATCH_BOOTSTRAP_SERVERS SHIFTWATCH_DB_URL SHIFTWATCH_DB_USER SHIFTWATCH_DB_PASSWORD)

# Loads $SHIFTWATCH_HOME/env without overriding variables that are already set.
sw_load_env_file() {
  local file="${1:-${SHIFTWATCH_HOME:-}/env}" line name value
  [[ -r "$file" ]] || return 0
  while IFS= read -r line; do
    [[ "$line" =~ ^export\ ([A-Z_][A-Z0-9_]*)=(.*)$ ]] || continue
    name="${BASH_REMATCH[1]}"
    [[ -n "${!name+x}" ]] && continue
    eval "value=${BASH_REMATCH[2]}"
    export "$name=$value"
  done <"$file"
}

# Is something listening on TCP $1:$2?
sw_port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# Is process $1 alive?
sw_pid_alive() { [[ -n "$1" ]] && kill -0 "$1" 2>/dev/null; }

# Stops process $1 (named $2 in messages): SIGTERM, up to $3 seconds (default 30), then SIGKILL.
sw_stop_pid() {
  local pid="$1" name="$2" wait_s="${3:-30}" i
  sw_pid_alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < wait_s * 10; i++)); do
    sw_pid_alive "$pid" || return 0
    sleep 0.1
  done
  sw_log "$name (pid $pid) did not stop within ${wait_s}s; sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  sleep 0.5
}
