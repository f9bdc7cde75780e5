#!/usr/bin/env bash
# Local infrastructure for Shiftwatch: PostgreSQL 15 + pgvector and a single-node KRaft Kafka.
# Usage: scripts/infra/infra.sh up|down|status|env   (normally via ./shiftwatch infra ...)
set -euo pipefail

SHIFTWATCH_ROOT="${SHIFTWATCH_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
export SHIFTWATCH_ROOT
# shellcheck source=scripts/lib/common.sh
source "$SHIFTWATCH_ROOT/scripts/lib/common.sh"
# shellcheck source=scripts/infra/apt.sh
source "$SHIFTWATCH_ROOT/scripts/infra/apt.sh"
# shellcheck source=scripts/infra/pgvector.sh
source "$SHIFTWATCH_ROOT/scripts/infra/pgvector.sh"
# shellcheck source=scripts/infra/postgres.sh
source "$SHIFTWATCH_ROOT/scripts/infra/postgres.sh"
# shellcheck source=scripts/infra/kafka.sh
source "$SHIFTWATCH_ROOT/scripts/infra/kafka.sh"

infra_usage() {
  cat <<'USAGE'
Usage: ./shiftwatch infra <up [postgres]|down|status|env>

  up      install what is missing (apt packages, pgvector), then start PostgreSQL and Kafka
          (idempotent: what already runs is left alone); prints and writes $SHIFTWATCH_HOME/env;
          'up postgres' starts PostgreSQL only (e.g. a benchmark server; 'status' then reports Kafka DOWN)
  down    stop the PostgreSQL and Kafka this state dir started (SIGTERM, then SIGKILL)
  status  what runs where (ports, PIDs, data dirs, versions); exit 0 only if both are up
  env     print the client environment (the export lines of $SHIFTWATCH_HOME/env)

Settings (environment variables, defaults in brackets):
  SHIFTWATCH_HOME                   state dir: data, logs, PIDs, env file [<repo>/.shiftwatch/dev]
  SHIFTWATCH_PG_PORT                PostgreSQL port on 127.0.0.1 [15432]
  SHIFTWATCH_KAFKA_PORT             Kafka client port on localhost [19092]
  SHIFTWATCH_KAFKA_CONTROLLER_PORT  Kafka KRaft controller port [19093]
  SHIFTWATCH_DB_NAME                project database [shiftwatch]
  SHIFTWATCH_DB_USER                project role (LOGIN, CREATEDB) [shiftwatch]
  SHIFTWATCH_DB_PASSWORD            its password [shiftwatch]
  SHIFTWATCH_KAFKA_HEAP             broker JVM heap flags [-Xms256m -Xmx1g]
  SHIFTWATCH_CACHE_DIR              pgvector source/build + private apt lists [~/.cache/shiftwatch]
  SHIFTWATCH_PG_VERSION             PostgreSQL major version from Debian [15]
  SHIFTWATCH_PG_SHARED_BUFFERS      PostgreSQL shared_buffers, written at every start [256MB]
  SHIFTWATCH_PG_EFFECTIVE_CACHE_SIZE  PostgreSQL effective_cache_size [4GB]
  SHIFTWATCH_PG_MAINTENANCE_WORK_MEM  PostgreSQL maintenance_work_mem (server default) [256MB]
USAGE
}

infra_env_lines() {
  local v
  # shellcheck disable=SC2034 # read through ${!v} below
  SHIFTWATCH_BOOTSTRAP_SERVERS="localhost:$SHIFTWATCH_KAFKA_PORT"
  # shellcheck disable=SC2034 # read through ${!v} below
  SHIFTWATCH_DB_URL="jdbc:postgresql://127.0.0.1:$SHIFTWATCH_PG_PORT/$SHIFTWATCH_DB_NAME"
  for v in "${SW_CLIENT_VARS[@]}"; do printf 'export %s=%q\n' "$v" "${!v}"; done
}

infra_write_env() {
  local f="$SHIFTWATCH_HOME/env"
  {
    echo "# Client environment of the Shiftwatch infrastructure in $SHIFTWATCH_HOME (written by 'infra up')."
    echo "# Use: source $f"
    infra_env_lines
  } >"$f.tmp"
  chmod 600 "$f.tmp"
  mv "$f.tmp" "$f"
}

infra_up() {
  local only="${1:-}" t0; t0=$(sw_now)
  [[ -z "$only" || "$only" == postgres ]] || sw_die "infra up takes no argument or 'postgres', got '$only'"
  mkdir -p "$SHIFTWATCH_HOME"
  chmod 755 "$SHIFTWATCH_HOME"
  sw_find_jdk
  sw_apt_step
  sw_pgvector_step
  sw_pg_init
  sw_pg_start
  sw_pg_provision
  if [[ "$only" == postgres ]]; then sw_log "infra up: PostgreSQL only, Kafka not started"; else sw_kafka_start; fi
  infra_write_env
  sw_log "infra up: done in $(sw_elapsed "$t0")s; state in $SHIFTWATCH_HOME"
  echo "# Shiftwatch infrastructure is up. Client environment (also in $SHIFTWATCH_HOME/env):"
  infra_env_lines
}

infra_down() {
  sw_kafka_stop
  if [[ -e "$SHIFTWATCH_HOME/pg-dir" || -d "$SHIFTWATCH_HOME/pg" ]]; then sw_pg_stop; else sw_log "postgres: no cluster in $SHIFTWATCH_HOME"; fi
}

infra_port_note() { if sw_port_open 127.0.0.1 "$1"; then printf ' is in use by another process or state dir'; fi; }

infra_status() {
  local ok=0 pid
  echo "state dir: $SHIFTWATCH_HOME"
  pid=""
  if [[ -e "$SHIFTWATCH_HOME/pg-dir" || -d "$SHIFTWATCH_HOME/pg" ]]; then pid=$(sw_pg_pid); fi
  if [[ -n "$pid" ]] && sw_port_open 127.0.0.1 "$SHIFTWATCH_PG_PORT"; then
    echo "postgres: UP   pid $pid, 127.0.0.1:$SHIFTWATCH_PG_PORT, data $(sw_pg_data), PostgreSQL $(sw_pg_version), pgvector $(sw_pg_vector_version || true)"
  else
    echo "postgres: DOWN (port 127.0.0.1:$SHIFTWATCH_PG_PORT$(infra_port_note "$SHIFTWATCH_PG_PORT"))"; ok=1
  fi
  pid=$(sw_kafka_pid)
  if [[ -n "$pid" ]] && sw_port_open 127.0.0.1 "$SHIFTWATCH_KAFKA_PORT"; then
    echo "kafka:    UP   pid $pid, localhost:$SHIFTWATCH_KAFKA_PORT (controller $SHIFTWATCH_KAFKA_CONTROLLER_PORT), data $(sw_kafka_dir)/data, Kafka $(sw_kafka_version) (KRaft, cluster $(cat "$(sw_kafka_dir)/cluster-id" 2>/dev/null))"
  else
    echo "kafka:    DOWN (port localhost:$SHIFTWATCH_KAFKA_PORT$(infra_port_note "$SHIFTWATCH_KAFKA_PORT"))"; ok=1
  fi
  if [[ -r "$SHIFTWATCH_HOME/env" ]]; then echo "env file: $SHIFTWATCH_HOME/env"; fi
  return "$ok"
}

infra_main() {
  local cmd="${1:-}"
  case "$cmd" in
    -h | --help | help | "") infra_usage; [[ -n "$cmd" ]] ;;
    up | down | status | env)
      sw_infra_defaults
      case "$cmd" in
        up) infra_up "${2:-}" ;;
        down) infra_down ;;
        status) infra_status ;;
        env) infra_env_lines ;;
      esac ;;
    *) infra_usage >&2; sw_die "unknown infra command '$cmd'" ;;
  esac
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then infra_main "$@"; fi
