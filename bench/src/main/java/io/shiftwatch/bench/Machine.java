package io.shiftwatch.bench;

import java.lang.management.ManagementFactory;
import java.time.Instant;

/**
 * Facts about the machine a benchmark ran on, taken at its start: cores, the 1-minute load average
 * (these cores are shared with other engineers' builds, so a load above the core count means the
 * figures are slowed by others), JVM and OS. Never null fields.
 */
public record Machine(int cores, double loadAverageAtStart, String jvm, String os, String startedAt) {

    /** The facts of this JVM's machine, now. */
    public static Machine now() {
        return new Machine(Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.vm.name") + " " + Runtime.version(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Instant.now().toString());
    }

    /** One line for the top of a table. */
    public String summary() {
        return String.format("machine: %d cores (shared), load average %.2f at start, %s, %s, %s",
                cores, loadAverageAtStart, jvm, os, startedAt);
    }
}
