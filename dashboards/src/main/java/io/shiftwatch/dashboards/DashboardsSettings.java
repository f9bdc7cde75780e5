package io.shiftwatch.dashboards;

import io.shiftwatch.ingest.Config;
import io.shiftwatch.ingest.ConfigKey;
import io.shiftwatch.ingest.ConfigSchema;
import io.shiftwatch.ingest.ConfigType;
import io.shiftwatch.ingest.IngestSettings;
import io.shiftwatch.ingest.Secret;

import java.nio.file.Path;
import java.util.List;

/**
 * The configuration keys of the dashboards, each defined once. Two tokens: {@link #TOKEN} reads
 * everything, {@link #ACK_TOKEN} also acknowledges findings; both come from the environment
 * (SHIFTWATCH_DASHBOARDS_TOKEN, SHIFTWATCH_DASHBOARDS_ACK_TOKEN) or a config file, never from logs.
 * The database comes from {@code SHIFTWATCH_DB_*} / {@code --db-*} (migrations' DatabaseConfig).
 */
public final class DashboardsSettings {
    public static final ConfigKey<Integer> PORT = ConfigKey.of("dashboards.port", ConfigType.INT,
                    "port of the dashboards web UI and JSON API (0 = any free port)")
            .withDefault(8788).validatedBy(n -> n >= 0 && n <= 65535, "be within 0..65535");
    public static final ConfigKey<String> BIND = ConfigKey.of("dashboards.bind", ConfigType.STRING,
                    "address the dashboards listen on")
            .withDefault("127.0.0.1").validatedBy(s -> !s.isBlank(), "not be blank");
    public static final ConfigKey<Secret> TOKEN = ConfigKey.of("dashboards.token", ConfigType.SECRET,
                    "read-only token (bearer header or the UI's sign-in); never logged")
            .asRequired().validatedBy(s -> s.reveal().length() >= 16, "be at least 16 characters");
    public static final ConfigKey<Secret> ACK_TOKEN = ConfigKey.of("dashboards.ack-token", ConfigType.SECRET,
                    "token that may also acknowledge findings; unset = nobody can acknowledge from the UI")
            .validatedBy(s -> s.reveal().length() >= 16, "be at least 16 characters");
    public static final ConfigKey<List<Path>> PROBE_DIRS = ConfigKey.of("dashboards.probe-dirs", ConfigType.PATH_LIST,
                    "probe set folders (probe.json + images.bin) to serve top-activating images from")
            .withDefault(List.of());
    public static final ConfigKey<Boolean> LIVE = ConfigKey.of("dashboards.live", ConfigType.BOOLEAN,
                    "follow the Kafka topics (progress, analyses, alerts) and push live updates to browsers")
            .withDefault(true);

    public static final ConfigSchema SCHEMA = ConfigSchema.of(IngestSettings.BOOTSTRAP_SERVERS, IngestSettings.TOPIC_PREFIX,
            IngestSettings.TOPIC_PARTITIONS, IngestSettings.TOPIC_REPLICATION_FACTOR,
            PORT, BIND, TOKEN, ACK_TOKEN, PROBE_DIRS, LIVE);

    private DashboardsSettings() {
    }

    /** What a presented token may do. */
    public enum Permission { NONE, READ, ACKNOWLEDGE }

    /** The two tokens of a configuration; compares in constant time. */
    public record Tokens(Secret read, Secret acknowledge) {
        public static Tokens of(Config config) {
            return new Tokens(config.get(TOKEN), config.optional(ACK_TOKEN).orElse(null));
        }

        public Permission permissionOf(String presented) {
            if (presented == null || presented.isEmpty()) return Permission.NONE;
            boolean ack = acknowledge != null && acknowledge.matches(presented);
            boolean read = this.read.matches(presented);
            if (ack) return Permission.ACKNOWLEDGE;
            return read ? Permission.READ : Permission.NONE;
        }
    }
}
