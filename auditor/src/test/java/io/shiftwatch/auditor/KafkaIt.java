package io.shiftwatch.auditor;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The dev broker for ITs and clean-up of an IT's own topics. */
final class KafkaIt {
    private static final String BOOTSTRAP_VARIABLE = "SHIFTWATCH_BOOTSTRAP_SERVERS";

    private KafkaIt() {
    }

    static String bootstrap() {
        String value = System.getenv(BOOTSTRAP_VARIABLE);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(BOOTSTRAP_VARIABLE + " is not set: integration tests need a real Kafka"
                    + " broker; source /work/main/.shiftwatch/dev/env or run ./shiftwatch test");
        }
        return value;
    }

    static void deleteTopics(String bootstrap, String prefix) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<String> mine = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(n -> n.startsWith(prefix)).toList();
            admin.deleteTopics(mine).all().get(30, TimeUnit.SECONDS);
        }
    }
}
