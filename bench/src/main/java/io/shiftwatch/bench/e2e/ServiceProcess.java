package io.shiftwatch.bench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One real Shiftwatch service ({@code ./shiftwatch analyzer} or {@code auditor}) started as a child
 * process with its own environment, its output in a log file. The launcher {@code exec}s the JVM, so
 * the child's pid is the service JVM's: its resident set size (heap + native, e.g. DJL's PyTorch
 * arrays) is read from {@code /proc/<pid>/status}. Stopped with SIGTERM (the services' graceful path).
 */
final class ServiceProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;
    private final ProcessBuilder builder;

    private ServiceProcess(String name, Process process, Path log, ProcessBuilder builder) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.builder = builder;
    }

    static ServiceProcess start(Path repo, String command, String name, Map<String, String> env, Path logDir) throws IOException {
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(List.of(repo.resolve("shiftwatch").toString(), command))
                .directory(repo.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return new ServiceProcess(name, pb.start(), log, pb);
    }

    /** The same service started again (after this one exited); its log is appended to. */
    ServiceProcess restart() throws IOException {
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new ServiceProcess(name, builder.start(), log, builder);
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    /** The service JVM's process id (the launcher execs it). */
    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Resident set size in MiB now, or NaN when the process is gone. */
    double rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", "" + process.pid(), "status")))
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /** Peak resident set size (VmHWM) in MiB, or NaN when the process is gone. */
    double peakRssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", "" + process.pid(), "status")))
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /** CPU seconds (user + system) the process has used so far, or NaN when it is gone (Linux /proc, 100 ticks/s). */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", "" + process.pid(), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            System.err.println("e2e: " + name + " did not stop within 60 s of SIGTERM; killing it");
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
