package io.shiftwatch.auditor.internal;

import io.shiftwatch.auditor.Finding;
import io.shiftwatch.auditor.FindingState;
import io.shiftwatch.auditor.FindingType;
import io.shiftwatch.auditor.Severity;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CI gate over one run's findings (pure): it FAILS when an OPEN finding (RAISED or UPDATED —
 * not ACKNOWLEDGED, not RESOLVED) has a severity at or above {@code threshold}, else it passes.
 * {@code blocking} are those findings, worst first (severity, then latest step); {@link #summary}
 * is the one-screen explanation the {@code gate} command prints.
 */
public record GateDecision(String runId, Severity threshold, boolean pass, List<RunFinding> findings,
                           List<RunFinding> blocking) {
    static final int WORST_SHOWN = 5;

    /** One stored finding of the run: {@code id} the finding id, {@code evidence} the finding as recorded. */
    public record RunFinding(String id, FindingState state, Finding evidence, long firstSeenStep, long lastSeenStep) {
    }

    private static final Comparator<RunFinding> WORST_FIRST = Comparator
            .comparing((RunFinding f) -> f.evidence().severity()).reversed()
            .thenComparing(Comparator.comparingLong(RunFinding::lastSeenStep).reversed())
            .thenComparing(RunFinding::id);

    public static GateDecision decide(String runId, List<RunFinding> findings, Severity threshold) {
        List<RunFinding> blocking = findings.stream()
                .filter(f -> f.state().open() && f.evidence().severity().compareTo(threshold) >= 0)
                .sorted(WORST_FIRST).toList();
        return new GateDecision(runId, threshold, blocking.isEmpty(), List.copyOf(findings), blocking);
    }

    /** The exit code of the gate: 0 pass, 1 fail. */
    public int exitCode() {
        return pass ? 0 : 1;
    }

    public String summary() {
        StringBuilder out = new StringBuilder();
        String level = threshold.name().toLowerCase(Locale.ROOT);
        out.append("gate run ").append(runId).append(": ").append(pass ? "PASS" : "FAIL").append(" — ")
                .append(blocking.size()).append(" open finding(s) at or above ").append(level).append('\n');
        Map<FindingState, Long> byState = new EnumMap<>(FindingState.class);
        findings.forEach(f -> byState.merge(f.state(), 1L, Long::sum));
        out.append("findings: ").append(findings.size()).append(" total;");
        byState.forEach((state, n) -> out.append(' ').append(state.name().toLowerCase(Locale.ROOT)).append(' ').append(n));
        out.append('\n');
        countsOfOpen(out);
        List<RunFinding> worst = (pass ? openSorted() : blocking).stream().limit(WORST_SHOWN).toList();
        if (!worst.isEmpty()) out.append(pass ? "open findings below the threshold:\n" : "worst open findings:\n");
        for (RunFinding f : worst) {
            Finding e = f.evidence();
            out.append(String.format(Locale.ROOT, "  %-8s %-14s target=%s layer=%d concept=%d steps %d..%d id %s%n",
                    e.severity(), e.type(), e.target(), e.layer(), e.concept(), f.firstSeenStep(), f.lastSeenStep(), f.id()));
            out.append("      ").append(FindingLines.describe(e)).append('\n');
        }
        if (!pass) out.append("accept one with: ./shiftwatch audit ack --finding ID --who NAME --why TEXT\n");
        return out.toString();
    }

    private List<RunFinding> openSorted() {
        return findings.stream().filter(f -> f.state().open()).sorted(WORST_FIRST).toList();
    }

    private void countsOfOpen(StringBuilder out) {
        Map<FindingType, int[]> counts = new EnumMap<>(FindingType.class);
        for (RunFinding f : findings) {
            if (f.state().open()) counts.computeIfAbsent(f.evidence().type(), t -> new int[3])[f.evidence().severity().ordinal()]++;
        }
        if (counts.isEmpty()) return;
        out.append("open by type:        critical  warning  info\n");
        counts.forEach((type, n) -> out.append(String.format(Locale.ROOT, "  %-18s %8d %8d %5d%n", type,
                n[Severity.CRITICAL.ordinal()], n[Severity.WARNING.ordinal()], n[Severity.INFO.ordinal()])));
    }
}
