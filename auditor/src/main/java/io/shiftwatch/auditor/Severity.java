package io.shiftwatch.auditor;

/** How urgent a finding is, in increasing order: INFO &lt; WARNING &lt; CRITICAL (compare with {@link #compareTo}). */
public enum Severity {
    INFO, WARNING, CRITICAL
}
