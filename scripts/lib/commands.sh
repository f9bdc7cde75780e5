# shellcheck shell=bash
# THE dispatch table of the Java subcommands: name -> "module main-class pass-name".
# pass-name=yes: the subcommand name is passed to the main class as its first argument.
# Sourced by ./shiftwatch. Keep every Java entry point here and nowhere else.
# shellcheck disable=SC2034 # the tables are used by ./shiftwatch

declare -gA SW_JAVA_COMMANDS=(
  [ingest]="ingest io.shiftwatch.ingest.IngestCli yes"
  [watch]="ingest io.shiftwatch.ingest.IngestCli yes"
  [publish]="ingest io.shiftwatch.ingest.IngestCli yes"
  [migrate]="migrations io.shiftwatch.migrations.MigrateCli no"
  [testbed]="testbed io.shiftwatch.testbed.TestbedCli no"
  [analyzer]="analyzer io.shiftwatch.analyzer.AnalyzerCli yes"
  [analyze]="analyzer io.shiftwatch.analyzer.AnalyzerCli yes"
  [steer]="analyzer io.shiftwatch.analyzer.AnalyzerCli yes"
  [auditor]="auditor io.shiftwatch.auditor.AuditorCli yes"
  [report]="auditor io.shiftwatch.auditor.report.ReportCli no"
  [gate]="auditor io.shiftwatch.auditor.AuditorCli yes"
  [audit]="auditor io.shiftwatch.auditor.AuditorCli yes"
  [dashboards]="dashboards io.shiftwatch.dashboards.DashboardsCli no"
  [bench]="bench io.shiftwatch.bench.BenchCli no"
)

# One line of help per Java subcommand (shown by ./shiftwatch --help).
# shellcheck disable=SC2034
declare -gA SW_JAVA_HELP=(
  [ingest]="HTTP ingest endpoint for CheckpointEvents"
  [watch]="checkpoint-directory watcher that publishes CheckpointEvents"
  [publish]="publish one CheckpointEvent"
  [migrate]="apply the Flyway migrations to SHIFTWATCH_DB_URL"
  [testbed]="synthetic world, small VLM training, fine-tuning scenarios"
  [analyzer]="the analyzer service (Kafka consumer)"
  [analyze]="offline analysis of one checkpoint"
  [steer]="compute/apply steering vectors"
  [auditor]="the auditor service (Kafka Streams)"
  [report]="render a run's audit report"
  [gate]="fail (exit != 0) when a run drifted past its calibrated bounds"
  [audit]="verify the hash-chained audit log (verify), acknowledge a finding (ack)"
  [dashboards]="web UI and JSON API"
  [bench]="benchmarks: kmeans, grounding, pgvector, detection, extraction, e2e (table + JSON, baseline in the same run)"
)

# JVM flags of every Java subcommand (JNI for DJL/RocksDB, DJL offline; the Vector API for the
# analyzer's K-Means kernel, an incubator module in Java 25).
# shellcheck disable=SC2034
SW_JVM_FLAGS=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true)
