/**
 * Probe sets: fixed, content-hashed collections of {@link io.shiftwatch.models.ProbeSample}s with
 * per-sample labels. Entry points: {@link io.shiftwatch.models.probe.ProbeSet} (the record, built
 * with {@code ProbeSet.of}) and {@link io.shiftwatch.models.probe.ProbeSetFiles} (folder format
 * probe.json + images.bin, verified on read).
 */
package io.shiftwatch.models.probe;
