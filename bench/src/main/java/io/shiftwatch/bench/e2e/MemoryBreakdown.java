package io.shiftwatch.bench.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a service JVM's resident memory sits, in MiB, taken right after a full GC: {@code rss} (all
 * resident pages), {@code rssAnon} (anonymous: Java heap, JVM internals, native mallocs such as
 * PyTorch's tensors), {@code heapLive} (Java heap used after the full GC: the live set),
 * {@code heapCommitted}, and {@code jvmCommitted} (everything the JVM itself tracks — Native Memory
 * Tracking's total; NaN when the JVM runs without {@code -XX:NativeMemoryTracking}). Memory the JVM
 * does not track (DJL/PyTorch arrays, glibc arenas) is approximately {@code rssAnon − jvmCommitted}
 * ({@link #untrackedNative()}; a lower bound, since committed heap need not be resident).
 */
record MemoryBreakdown(double rss, double rssAnon, double heapLive, double heapCommitted, double jvmCommitted) {
    private static final Pattern HEAP = Pattern.compile("committed (\\d+)K, used (\\d+)K");
    private static final Pattern NMT_TOTAL = Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB");

    /** Anonymous resident memory the JVM does not account for (native libraries' allocations), MiB. */
    double untrackedNative() {
        return rssAnon - jvmCommitted;
    }

    /** Forces a full GC in {@code pid} (same user, JDK's jcmd), then reads /proc and the JVM's own figures. */
    static MemoryBreakdown afterFullGc(long pid, Path jcmd) throws IOException, InterruptedException {
        jcmd(jcmd, pid, "GC.run");
        String heap = jcmd(jcmd, pid, "GC.heap_info");
        String nmt = jcmd(jcmd, pid, "VM.native_memory", "summary");
        String status = Files.readString(Path.of("/proc", "" + pid, "status"));
        double[] committedUsed = heapCommittedAndUsed(heap);
        return new MemoryBreakdown(statusMiB(status, "VmRSS"), statusMiB(status, "RssAnon"), committedUsed[1],
                committedUsed[0], nmtTotalCommittedMiB(nmt));
    }

    /** [committed, used] MiB from {@code jcmd GC.heap_info} output; NaN when the line is absent. */
    static double[] heapCommittedAndUsed(String heapInfo) {
        Matcher m = HEAP.matcher(heapInfo);
        return m.find() ? new double[] {Long.parseLong(m.group(1)) / 1024.0, Long.parseLong(m.group(2)) / 1024.0}
                : new double[] {Double.NaN, Double.NaN};
    }

    /** NMT's total committed MiB from {@code jcmd VM.native_memory summary}; NaN when NMT is off. */
    static double nmtTotalCommittedMiB(String summary) {
        Matcher m = NMT_TOTAL.matcher(summary);
        return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : Double.NaN;
    }

    /** A {@code kB} line of /proc/PID/status (e.g. {@code VmRSS}) in MiB; NaN when absent. */
    static double statusMiB(String status, String field) {
        for (String line : status.split("\n"))
            if (line.startsWith(field + ":")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        return Double.NaN;
    }

    private static String jcmd(Path jcmd, long pid, String... command) throws IOException, InterruptedException {
        List<String> args = new java.util.ArrayList<>(List.of(jcmd.toString(), "" + pid));
        args.addAll(List.of(command));
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0)
            throw new IOException("jcmd " + pid + " " + String.join(" ", command) + " failed: " + out.strip());
        return out;
    }
}
