# shellcheck shell=bash
# A single-node KRaft Kafka broker (kafka_2.13, version pinned in scripts/infra/kafka/pom.xml) as a
# child JVM with its state under $SHIFTWATCH_HOME/kafka. Sourced by scripts/infra/infra.sh.

sw_kafka_dir() { printf '%s/kafka' "$SHIFTWATCH_HOME"; }
sw_kafka_pom() { printf '%s/scripts/infra/kafka/pom.xml' "$SHIFTWATCH_ROOT"; }
sw_kafka_version() { sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$(sw_kafka_pom)"; }

# Runtime classpath of the broker + tools, cached in the state dir; re-resolved when the pom is
# newer than the cache or a cached jar has gone from the local Maven repository.
sw_kafka_classpath() {
  local cp_file; cp_file="$(sw_kafka_dir)/classpath.txt"
  local fresh=1 jar
  if [[ ! -s "$cp_file" || "$(sw_kafka_pom)" -nt "$cp_file" ]]; then
    fresh=0
  else
    while IFS= read -r jar; do [[ -f "$jar" ]] || { fresh=0; break; }; done < <(tr ':' '\n' <"$cp_file")
  fi
  if [[ $fresh -eq 0 ]]; then
    local t0; t0=$(sw_now)
    mkdir -p "$(sw_kafka_dir)"
    (cd "$SHIFTWATCH_ROOT" && ./mvnw -q -B -f "$(sw_kafka_pom)" dependency:build-classpath \
      -Dmdep.outputFile="$cp_file.tmp" -Dmdep.includeScope=runtime >"$(sw_kafka_dir)/classpath.log" 2>&1) \
      || sw_die "could not resolve the Kafka broker classpath from $(sw_kafka_pom) (needs Maven Central or a filled ~/.m2), see $(sw_kafka_dir)/classpath.log"
    mv "$cp_file.tmp" "$cp_file"
    sw_log "kafka: classpath resolved into $cp_file ($(sw_elapsed "$t0")s)"
  fi
  cat "$cp_file"
}

# Runs a Java class from the broker classpath in the foreground (tools, storage format, checks).
sw_kafka_java() {
  local cp; cp=$(sw_kafka_classpath)
  "$JAVA_HOME/bin/java" -Xmx512m --enable-native-access=ALL-UNNAMED \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" "$@"
}

sw_kafka_write_conf() {
  local dir; dir=$(sw_kafka_dir)
  mkdir -p "$dir/data"
  cat >"$dir/server.properties" <<CONF
# Written by './shiftwatch infra up' on every start; edit the SHIFTWATCH_KAFKA_* variables instead.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:$SHIFTWATCH_KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://localhost:$SHIFTWATCH_KAFKA_PORT,CONTROLLER://localhost:$SHIFTWATCH_KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://localhost:$SHIFTWATCH_KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/data
num.partitions=1
default.replication.factor=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
CONF
}

# Formats the storage once (static quorum: controller.quorum.voters, so no --standalone needed).
sw_kafka_format() {
  local dir; dir=$(sw_kafka_dir)
  [[ -f "$dir/data/meta.properties" ]] && return 0
  local t0 id; t0=$(sw_now)
  [[ -s "$dir/cluster-id" ]] || sw_kafka_random_uuid >"$dir/cluster-id"
  id=$(tr -d '[:space:]' <"$dir/cluster-id")
  sw_kafka_java kafka.tools.StorageTool format -t "$id" -c "$dir/server.properties" >"$dir/format.log" 2>&1 \
    || sw_die "kafka: storage format failed, see $dir/format.log"
  sw_log "kafka: storage formatted in $dir/data, cluster id $id ($(sw_elapsed "$t0")s)"
}

# A Kafka Uuid (16 random bytes, URL-safe base64 without padding, not starting with '-'), like
# `kafka-storage random-uuid` without starting a JVM.
sw_kafka_random_uuid() {
  local id="-"
  while [[ "$id" == -* ]]; do
    id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
  done
  printf '%s\n' "$id"
}

# PID of our broker when it is alive and really a Kafka JVM.
sw_kafka_pid() {
  local f pid; f="$SHIFTWATCH_HOME/kafka.pid"
  [[ -r "$f" ]] || return 0
  pid=$(cat "$f")
  if sw_pid_alive "$pid" && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'kafka\.Kafka'; then
    printf '%s' "$pid"
  fi
}

sw_kafka_start() {
  if [[ -n "$(sw_kafka_pid)" ]]; then
    sw_log "kafka: already running (pid $(sw_kafka_pid), localhost:$SHIFTWATCH_KAFKA_PORT)"
    return 0
  fi
  local p
  for p in "$SHIFTWATCH_KAFKA_PORT" "$SHIFTWATCH_KAFKA_CONTROLLER_PORT"; do
    sw_port_open 127.0.0.1 "$p" && sw_die "port localhost:$p is taken by another process; set SHIFTWATCH_KAFKA_PORT / SHIFTWATCH_KAFKA_CONTROLLER_PORT to free ports"
  done
  local dir cp t0; dir=$(sw_kafka_dir); cp=$(sw_kafka_classpath)
  sw_kafka_write_conf
  sw_kafka_format
  t0=$(sw_now)
  # shellcheck disable=SC2086 # SHIFTWATCH_KAFKA_HEAP holds several JVM flags
  setsid "$JAVA_HOME/bin/java" $SHIFTWATCH_KAFKA_HEAP -XX:+UseG1GC -Djava.awt.headless=true \
    --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
    -Dorg.slf4j.simpleLogger.showDateTime=true "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS" \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=info -Dorg.slf4j.simpleLogger.log.kafka=warn \
    -Dorg.slf4j.simpleLogger.log.org.apache.kafka=warn -Dorg.slf4j.simpleLogger.log.state.change.logger=warn \
    -cp "$cp" kafka.Kafka "$dir/server.properties" \
    </dev/null >>"$dir/kafka.log" 2>&1 &
  local pid=$!
  printf '%s' "$pid" >"$SHIFTWATCH_HOME/kafka.pid"
  sw_kafka_wait_ready "$pid" 90
  sw_log "kafka: started (pid $pid, localhost:$SHIFTWATCH_KAFKA_PORT, controller $SHIFTWATCH_KAFKA_CONTROLLER_PORT) ($(sw_elapsed "$t0")s)"
}

# Waits until the port accepts connections and a metadata request (topic list) succeeds.
sw_kafka_wait_ready() {
  local pid="$1" limit="$2" start=$SECONDS
  while ! sw_port_open 127.0.0.1 "$SHIFTWATCH_KAFKA_PORT"; do
    sw_pid_alive "$pid" || sw_die "kafka: broker exited during start-up, see $(sw_kafka_dir)/kafka.log"
    (( SECONDS - start < limit )) || sw_die "kafka: port $SHIFTWATCH_KAFKA_PORT not open after ${limit}s, see $(sw_kafka_dir)/kafka.log"
    sleep 0.2
  done
  until sw_kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server "localhost:$SHIFTWATCH_KAFKA_PORT" --list >/dev/null 2>&1; do
    sw_pid_alive "$pid" || sw_die "kafka: broker exited during start-up, see $(sw_kafka_dir)/kafka.log"
    (( SECONDS - start < limit )) || sw_die "kafka: no metadata answer after ${limit}s, see $(sw_kafka_dir)/kafka.log"
    sleep 0.5
  done
}

sw_kafka_stop() {
  local pid; pid=$(sw_kafka_pid)
  if [[ -z "$pid" ]]; then sw_log "kafka: not running"; rm -f "$SHIFTWATCH_HOME/kafka.pid"; return 0; fi
  local t0; t0=$(sw_now)
  sw_stop_pid "$pid" kafka 60
  rm -f "$SHIFTWATCH_HOME/kafka.pid"
  sw_log "kafka: stopped (pid $pid) ($(sw_elapsed "$t0")s)"
}
