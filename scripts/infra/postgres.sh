# shellcheck shell=bash
# A private PostgreSQL cluster under $SHIFTWATCH_HOME/pg (or a fallback path the postgres OS user
# can reach), listening on 127.0.0.1:$SHIFTWATCH_PG_PORT. Sourced by scripts/infra/infra.sh.

# OS user that owns the cluster: `postgres` when we run as root (initdb refuses root), else us.
sw_pg_os_user() { if [[ $EUID -eq 0 ]]; then printf 'postgres'; else id -un; fi; }

sw_as_pg() {
  if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Directory of the cluster (data/, run/ for the socket, postgresql.log). Recorded in
# $SHIFTWATCH_HOME/pg-dir on first use so that later calls find a fallback location again.
sw_pg_dir() {
  local rec="$SHIFTWATCH_HOME/pg-dir"
  if [[ -r "$rec" ]]; then cat "$rec"; return 0; fi
  local dir="$SHIFTWATCH_HOME/pg"
  if ! sw_as_pg test -x "$SHIFTWATCH_HOME" 2>/dev/null; then
    local hash; hash=$(printf '%s' "$SHIFTWATCH_HOME" | md5sum | cut -c1-12)
    dir="/var/lib/postgresql/shiftwatch-$hash"
    sw_log "postgres: OS user '$(sw_pg_os_user)' cannot traverse $SHIFTWATCH_HOME (a parent directory is not world-executable);"
    sw_log "postgres: using $dir for the cluster instead (recorded in $rec)"
  fi
  printf '%s' "$dir" >"$rec"
  printf '%s' "$dir"
}

sw_pg_data() { printf '%s/data' "$(sw_pg_dir)"; }
sw_pg_sock() { printf '%s/run' "$(sw_pg_dir)"; }

# Postmaster PID from postmaster.pid when that process is alive.
sw_pg_pid() {
  local f; f="$(sw_pg_data)/postmaster.pid"
  [[ -r "$f" ]] || return 0
  local pid; pid=$(head -n 1 "$f")
  if sw_pid_alive "$pid"; then printf '%s' "$pid"; fi
}

sw_pg_init() {
  local data; data=$(sw_pg_data)
  [[ -f "$data/PG_VERSION" ]] && return 0
  local t0 dir; t0=$(sw_now); dir=$(sw_pg_dir)
  mkdir -p "$dir"
  [[ $EUID -eq 0 ]] && chown postgres:postgres "$dir"
  chmod 700 "$dir"
  sw_as_pg "$(sw_pg_bin)/initdb" -D "$data" --auth-local=peer --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 --no-instructions >"$dir/initdb.log" 2>&1 \
    || sw_die "initdb failed, see $dir/initdb.log"
  printf "\n# Shiftwatch settings (port, addresses, socket dir), rewritten by every 'infra up'.\ninclude_if_exists = 'shiftwatch.conf'\n" \
    | sw_as_pg tee -a "$data/postgresql.conf" >/dev/null
  sw_log "postgres: cluster initialised in $data ($(sw_elapsed "$t0")s)"
}

# A PostgreSQL memory setting such as 256MB or 12GB (units kB, MB, GB); anything else stops 'infra up'.
sw_pg_memory_setting() {
  [[ "$2" =~ ^[0-9]+(kB|MB|GB)$ ]] || sw_die "$1 must look like 256MB or 12GB, got '$2'"
  printf '%s' "$2"
}

sw_pg_write_conf() {
  local data sock shared cache maint; data=$(sw_pg_data); sock=$(sw_pg_sock)
  shared=$(sw_pg_memory_setting SHIFTWATCH_PG_SHARED_BUFFERS "$SHIFTWATCH_PG_SHARED_BUFFERS")
  cache=$(sw_pg_memory_setting SHIFTWATCH_PG_EFFECTIVE_CACHE_SIZE "$SHIFTWATCH_PG_EFFECTIVE_CACHE_SIZE")
  maint=$(sw_pg_memory_setting SHIFTWATCH_PG_MAINTENANCE_WORK_MEM "$SHIFTWATCH_PG_MAINTENANCE_WORK_MEM")
  sw_as_pg mkdir -p "$sock"
  sw_as_pg tee "$data/shiftwatch.conf" >/dev/null <<CONF
listen_addresses = '127.0.0.1'
port = $SHIFTWATCH_PG_PORT
unix_socket_directories = '$sock'
password_encryption = 'scram-sha-256'
max_connections = 200
shared_buffers = $shared
effective_cache_size = $cache
maintenance_work_mem = $maint
fsync = on
log_min_messages = warning
CONF
}

sw_pg_start() {
  if [[ -n "$(sw_pg_pid)" ]]; then
    sw_log "postgres: already running (pid $(sw_pg_pid), port $SHIFTWATCH_PG_PORT)"
    return 0
  fi
  if sw_port_open 127.0.0.1 "$SHIFTWATCH_PG_PORT"; then
    sw_die "port 127.0.0.1:$SHIFTWATCH_PG_PORT is taken by another process; set SHIFTWATCH_PG_PORT to a free port"
  fi
  local t0 dir; t0=$(sw_now); dir=$(sw_pg_dir)
  sw_pg_write_conf
  sw_as_pg "$(sw_pg_bin)/pg_ctl" -D "$(sw_pg_data)" -l "$dir/postgresql.log" -w -t 60 start >/dev/null \
    || sw_die "PostgreSQL did not start, see $dir/postgresql.log"
  sw_pg_pid >"$SHIFTWATCH_HOME/postgres.pid"
  sw_log "postgres: started (pid $(sw_pg_pid), 127.0.0.1:$SHIFTWATCH_PG_PORT) ($(sw_elapsed "$t0")s)"
}

# psql as the cluster's superuser over the private socket.
sw_pg_psql() {
  sw_as_pg "$(sw_pg_bin)/psql" -X -q -v ON_ERROR_STOP=1 -h "$(sw_pg_sock)" -p "$SHIFTWATCH_PG_PORT" "$@"
}

# Role with CREATEDB and the current password, `vector` in template1 (so every new database has
# it) and in the project database. Safe to repeat.
sw_pg_provision() {
  local t0; t0=$(sw_now)
  local pw; pw=$(printf '%s' "$SHIFTWATCH_DB_PASSWORD" | sed -e 's/\\/\\\\/g' -e "s/'/\\\\'/g")
  sw_pg_psql -d postgres -v role="$SHIFTWATCH_DB_USER" -v db="$SHIFTWATCH_DB_NAME" >/dev/null <<SQL || sw_die "PostgreSQL provisioning failed (see the psql error above)"
\\set pw '$pw'
SET client_min_messages = warning;
SELECT format('CREATE ROLE %I LOGIN CREATEDB', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \\gexec
SELECT format('ALTER ROLE %I LOGIN CREATEDB PASSWORD %L', :'role', :'pw') \\gexec
\\c template1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS vector;
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \\gexec
\\c :db
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS vector;
SQL
  sw_log "postgres: role '$SHIFTWATCH_DB_USER' (CREATEDB), database '$SHIFTWATCH_DB_NAME', extension vector in template1 + $SHIFTWATCH_DB_NAME ($(sw_elapsed "$t0")s)"
}

sw_pg_stop() {
  local pid; pid=$(sw_pg_pid)
  if [[ -z "$pid" ]]; then sw_log "postgres: not running"; rm -f "$SHIFTWATCH_HOME/postgres.pid"; return 0; fi
  local t0; t0=$(sw_now)
  if ! sw_as_pg "$(sw_pg_bin)/pg_ctl" -D "$(sw_pg_data)" -m fast -w -t 30 stop >/dev/null 2>&1; then
    sw_log "postgres: pg_ctl stop failed; stopping pid $pid directly"
    sw_stop_pid "$pid" postgres 10
  fi
  rm -f "$SHIFTWATCH_HOME/postgres.pid"
  sw_log "postgres: stopped (pid $pid) ($(sw_elapsed "$t0")s)"
}

sw_pg_version() { "$(sw_pg_bin)/postgres" --version 2>/dev/null | awk '{print $3}'; }

sw_pg_vector_version() {
  sw_pg_psql -d "$SHIFTWATCH_DB_NAME" -At -c "SELECT extversion FROM pg_extension WHERE extname = 'vector'" 2>/dev/null
}
