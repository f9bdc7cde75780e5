package io.shiftwatch.bench;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Entry point of {@code ./shiftwatch bench NAME [--option value ...]}: runs one benchmark, prints
 * its table (Markdown, with machine facts and the command) and writes {@code <out>/NAME.json}.
 * Exit 2 on a usage error, 1 when the benchmark fails.
 */
public final class BenchCli {
    private static final String USAGE = """
            Usage: ./shiftwatch bench NAME [--option value ...]   (JSON to --out DIR, default bench/target/bench)
              kmeans     ours vs scikit-learn: --m 2000,10000 --d 128,1024 --k 20 --restarts 10 --reps 3 --threads 1,2 --sigma 1 --python /usr/bin/python3
              grounding  K concepts through a V-token unembedding (+ word weights) vs the GEMM roofline: --k 20[,40] --d 1024,4096 --vocab 32000,150000 --reps 5 --threads 1,2
              detection  precision/recall/delay of each finding type on testbed scenario runs: --base DIR --probe DIR --runs RUN[,RUN...] --out DIR
              extraction DJL generate+capture vs plain PyTorch on the exported weights: --base DIR --probe DIR --samples 256 --batch 8,32,64 --reps 3 --max-new 32 --threads N
              e2e        real analyzer + auditor on the dev Kafka/PostgreSQL (scratch db, own topic prefix): --mode latency|throughput|memory --runs DIR[,DIR] --base DIR --probe DIR --work DIR --max-checkpoints N
                 latency: --k 20[,10,40] --settle 3000; throughput: --analyzers 1,2 --concurrent 1,4,16 --per-run 1;
                 memory: --steps 100 --warmup STEPS/2 (fit from) --probe-every 10 (full GC + heap/native split); --java-opts "..."
              pgvector   COPY rate, index build, top-10 cosine p50/p95 and recall@10 vs the exact scan per tuning: --n 100000 --d 1024,4096 --data clustered,gaussian
                 --queries 100 --exact-queries 10 --ef-search 40,100,200 --overfetch 10,20,40 --centres 2000 --noise 0.5 --maintenance-work-mem 2GB --workers 1
                 --schemes default[,vector,halfvec,prefix,binary] (each listed index scheme that fits a width is built and measured in turn)
                 --index hnsw[,ivfflat] (each method built and measured in turn) --lists L[,L] (IVFFlat, one index per L; default N/1000, sqrt(N) above 1M)
                 --probes 1,2,4,8,16 (IVFFlat's sweep in place of --ef-search); --grow-from N0: build each index over the first N0 rows,
                 then load the rest into the indexed table before the queries (a store that grew after its build)
                 (re-ranked schemes: every --ef-search or --probes x every --overfetch); --prewarm yes: pg_prewarm each index before its queries
                 (needs CREATE EXTENSION pg_prewarm in template1)
                 (needs SHIFTWATCH_DB_* env; scratch database, dropped after)
            """;

    private BenchCli() {
    }

    private static int runDetection(String[] args) {
        try {
            return io.shiftwatch.bench.detection.DetectionBench.main(Arrays.asList(args).subList(1, args.length),
                    System.out, System.err);
        } catch (Exception e) {
            System.err.println("bench detection failed, no figures written: " + e);
            e.printStackTrace();
            return 1;
        }
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.print(USAGE);
            System.exit(args.length == 0 ? 2 : 0);
        }
        String name = args[0];
        String command = "./shiftwatch bench " + String.join(" ", args);
        if (name.equals("detection")) System.exit(runDetection(args));
        try {
            Options options = new Options(Arrays.copyOfRange(args, 1, args.length));
            Report report = switch (name) {
                case "kmeans" -> KMeansBench.run(options, command);
                case "grounding" -> GroundingBench.run(options, command);
                case "pgvector" -> PgvectorBench.run(options, command);
                case "e2e" -> io.shiftwatch.bench.e2e.E2eBench.run(options, command);
                case "extraction" -> io.shiftwatch.bench.extraction.ExtractionBench.run(options, command);
                default -> throw new IllegalArgumentException("unknown benchmark '" + name + "'\n" + USAGE);
            };
            report.print(System.out);
            Path json = report.writeJson(options.out());
            System.out.println("json: " + json);
        } catch (IllegalArgumentException e) {
            System.err.println("bench " + name + ": " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("bench " + name + " failed, no figures written: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }
}
