package io.shiftwatch.bench.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import io.shiftwatch.bench.Machine;
import io.shiftwatch.bench.Options;
import io.shiftwatch.bench.Python;
import io.shiftwatch.bench.Report;
import io.shiftwatch.bench.Timing;
import io.shiftwatch.models.AdapterOptions;
import io.shiftwatch.models.Generation;
import io.shiftwatch.models.GenerationRequest;
import io.shiftwatch.models.ModelAdapter;
import io.shiftwatch.models.ModelAdapters;
import io.shiftwatch.models.ModelFormat;
import io.shiftwatch.models.ProbeSample;
import io.shiftwatch.models.export.WeightExport;
import io.shiftwatch.models.probe.ProbeSetFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Hidden-state extraction (issue 8, item 1): greedy generation with state capture through
 * {@link ModelAdapter#generate} (what the analyzer runs per checkpoint) vs a plain-PyTorch
 * re-implementation of the same model on the same exported weights and inputs
 * ({@code testbed_torch.py}), which first has to reproduce DJL's tokens and states; samples/s and
 * generated tokens/s per batch size, ratio = DJL time / PyTorch time (target <= 1.2).
 */
public final class ExtractionBench {
    private ExtractionBench() {
    }

    public static Report run(Options o, String command) throws Exception {
        Report report = new Report("extraction", command, Machine.now());
        Path base = Path.of(o.string("base", "/work/cache/base/base"));
        int n = o.integer("samples", 256);
        List<ProbeSample> all = ProbeSetFiles.read(Path.of(o.string("probe", "/work/cache/lead/probe1200"))).samples();
        List<ProbeSample> samples = all.subList(0, Math.min(n, all.size()));
        Path work = Files.createTempDirectory("shiftwatch-bench-extraction-");
        try {
            return measure(o, command, report, base, samples, work);
        } finally {
            deleteTree(work);
        }
    }

    private static Report measure(Options o, String command, Report report, Path base, List<ProbeSample> samples,
                                  Path work) throws Exception {
        int maxNew = o.integer("max-new", 32);
        int reps = o.integer("reps", 3);
        int[] batches = o.ints("batch", new int[] {8, 32, 64});
        List<Integer> layers = List.of(-1, 2);
        WeightExport.toNpy(base, work.resolve("weights"));
        String threads = o.string("threads", "" + Runtime.getRuntime().availableProcessors());
        Python python = new Python(o.python());
        var request = new GenerationRequest(maxNew, Set.copyOf(layers), Optional.empty());
        for (int batch : batches) {
            try (ModelAdapter model = ModelAdapters.open(base, ModelFormat.TESTBED, AdapterOptions.defaults().withBatchSize(batch))) {
                boolean first = batch == batches[0];
                if (first) writeInputs(work, model, samples, layers, maxNew);
                model.generate(samples, request); // warm-up
                double[] djl = new double[reps];
                double[] torch = new double[reps];
                int tokens = 0, torchTokens = 0;
                for (int r = 0; r < reps; r++) { // alternate, so both see the same (shared, drifting) machine load
                    long t0 = System.nanoTime();
                    tokens = model.generate(samples, request).stream().mapToInt(g -> g.tokenIds().length).sum();
                    djl[r] = Timing.secondsSince(t0);
                    JsonNode t = python.run("testbed_torch.py", List.of(work.resolve("weights").toString(), work.toString(),
                            "" + maxNew, "-1,2", "" + batch, "1", threads, first && r == 0 ? "1" : "0"));
                    torch[r] = t.get("timing").get("" + batch).get("seconds").get(0).asDouble();
                    torchTokens = t.get("timing").get("" + batch).get("tokens").asInt();
                    if (first && r == 0) report.note("PyTorch baseline " + t.get("torch").asText() + " with " + t.get("threads").asInt()
                            + " threads; check against DJL: " + t.get("check"));
                }
                report.row(row(batch, samples.size(), tokens, Timing.median(djl), Timing.median(torch), torchTokens));
                System.err.printf("extraction: batch %d: DJL %.2f s, PyTorch %.2f s%n", batch, Timing.median(djl), Timing.median(torch));
            }
        }
        report.note("samples from the probe set in file order; " + maxNew + " new tokens max; layers " + layers
                + " captured; DJL = ModelAdapter.generate (PyTorch " + "native engine of DJL), median of " + reps + " after a warm-up, DJL and PyTorch runs alternating");
        return report;
    }

    private static void writeInputs(Path work, ModelAdapter model, List<ProbeSample> samples, List<Integer> layers,
                                    int maxNew) throws java.io.IOException {
        ExtractionInputs.writeProbes(work, samples, model.vocabulary());
        List<ProbeSample> check = samples.subList(0, Math.min(64, samples.size()));
        List<Generation> reference = model.generate(check, new GenerationRequest(maxNew, Set.copyOf(layers), Optional.empty()));
        ExtractionInputs.writeReference(work, reference, layers, maxNew);
    }

    private static Map<String, Object> row(int batch, int n, int djlTokens, double djl, double torch, int torchTokens) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("batch", batch);
        row.put("samples", n);
        row.put("djl_s", djl);
        row.put("djl_samples_per_s", n / djl);
        row.put("djl_tokens_per_s", djlTokens / djl);
        row.put("torch_s", torch);
        row.put("torch_samples_per_s", n / torch);
        row.put("torch_tokens_per_s", torchTokens / torch);
        row.put("ratio_djl_over_torch", djl / torch);
        return row;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static String joined(int[] values) {
        return String.join(",", java.util.Arrays.stream(values).mapToObj(Integer::toString).toList());
    }
}
