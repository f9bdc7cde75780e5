package io.shiftwatch.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.shiftwatch.analyzer.concepts.ConceptDictionary;
import io.shiftwatch.analyzer.concepts.KMeansConfig;
import io.shiftwatch.analyzer.concepts.KMeansDictionary;
import io.shiftwatch.analyzer.drift.Correlation;
import io.shiftwatch.analyzer.drift.CorrelationOutcome;
import io.shiftwatch.analyzer.drift.Hungarian;
import io.shiftwatch.analyzer.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks our math against independent implementations: scikit-learn KMeans (inertia), scipy's
 * linear_sum_assignment (total cost) and scipy.stats pearsonr/spearmanr (r and p). Needs a python3
 * with scikit-learn and scipy ($SHIFTWATCH_PYTHON, else python3, else /usr/bin/python3).
 */
class ReferenceImplementationsIT {

    private static final String SCRIPT = """
            import sys, numpy as np
            from sklearn.cluster import KMeans
            from scipy.optimize import linear_sum_assignment
            from scipy import stats
            d = sys.argv[1]
            for name in ['blobs', 'uniform']:
                z = np.loadtxt(f'{d}/{name}.txt', ndmin=2)
                k = int(open(f'{d}/{name}.k').read())
                km = KMeans(n_clusters=k, n_init=10, init='k-means++', random_state=0).fit(z)
                print(f'inertia.{name} {km.inertia_!r}')
            for name in ['square', 'wide', 'tall']:
                c = np.loadtxt(f'{d}/{name}.txt', ndmin=2)
                r, col = linear_sum_assignment(c)
                print(f'lsa.{name} {c[r, col].sum()!r}')
            xy = np.loadtxt(f'{d}/xy.txt', ndmin=2)
            pr = stats.pearsonr(xy[:, 0], xy[:, 1]); sr = stats.spearmanr(xy[:, 0], xy[:, 1])
            print(f'pearson.r {float(pr[0])!r}'); print(f'pearson.p {float(pr[1])!r}')
            print(f'spearman.r {float(sr[0])!r}'); print(f'spearman.p {float(sr[1])!r}')
            """;

    @TempDir
    Path dir;

    @Test
    void agreesWithScikitLearnAndScipy() throws Exception {
        // Given
        float[][] blobs = Fixtures.blobs(Fixtures.axisCentres(12, 16, 2f), 50, 1.0, 21);
        float[][] uniform = Fixtures.uniform(500, 10, 4);
        double[][] square = Fixtures.costs(8, 8, 1);
        double[][] wide = Fixtures.costs(5, 9, 2);
        double[][] tall = Fixtures.transpose(wide);
        double[][] xy = pairs(40, 3);
        write("blobs", blobs, 12);
        write("uniform", uniform, 20);
        writeDoubles("square", square);
        writeDoubles("wide", wide);
        writeDoubles("tall", tall);
        writeDoubles("xy", xy);

        // When
        Map<String, Double> ref = runPython();
        ConceptDictionary ourBlobs = KMeansDictionary.fit(blobs, KMeansConfig.defaults(1).withK(12));
        ConceptDictionary ourUniform = KMeansDictionary.fit(uniform, KMeansConfig.defaults(1).withK(20));
        double[] x = column(xy, 0);
        double[] y = column(xy, 1);
        var pearson = assertInstanceOf(CorrelationOutcome.Test.class, Correlation.pearson(x, y));
        var spearman = assertInstanceOf(CorrelationOutcome.Test.class, Correlation.spearman(x, y));

        // Then
        assertTrue(ourBlobs.inertia() <= ref.get("inertia.blobs") * 1.01,
                "blobs: ours " + ourBlobs.inertia() + " vs sklearn " + ref.get("inertia.blobs"));
        assertTrue(ourUniform.inertia() <= ref.get("inertia.uniform") * 1.01,
                "uniform: ours " + ourUniform.inertia() + " vs sklearn " + ref.get("inertia.uniform"));
        assertEquals(ref.get("lsa.square"), Hungarian.totalCost(square, Hungarian.minimise(square)), 1e-9);
        assertEquals(ref.get("lsa.wide"), Hungarian.totalCost(wide, Hungarian.minimise(wide)), 1e-9);
        assertEquals(ref.get("lsa.tall"), Hungarian.totalCost(tall, Hungarian.minimise(tall)), 1e-9);
        assertEquals(ref.get("pearson.r"), pearson.coefficient(), 1e-6);
        assertEquals(ref.get("pearson.p"), pearson.pValue(), 1e-6);
        assertEquals(ref.get("spearman.r"), spearman.coefficient(), 1e-6);
        assertEquals(ref.get("spearman.p"), spearman.pValue(), 1e-6);
    }

    private Map<String, Double> runPython() throws IOException, InterruptedException {
        Path script = dir.resolve("reference.py");
        Files.writeString(script, SCRIPT);
        Process p = new ProcessBuilder(python(), script.toString(), dir.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("reference script failed:\n" + out);
        }
        Map<String, Double> values = new HashMap<>();
        for (String line : out.strip().split("\n")) {
            String[] kv = line.strip().split(" ");
            if (kv.length == 2) {
                values.put(kv[0], Double.parseDouble(kv[1]));
            }
        }
        return values;
    }

    private static String python() throws InterruptedException {
        String env = System.getenv("SHIFTWATCH_PYTHON");
        for (String candidate : env != null ? List.of(env) : List.of("python3", "/usr/bin/python3")) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import sklearn, scipy").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
            } catch (IOException notThere) {
                // try the next candidate
            }
        }
        fail("no python3 with scikit-learn and scipy found (tried " + (env != null ? env : "python3, /usr/bin/python3")
                + "): run `apt-get install python3-sklearn python3-scipy` or set SHIFTWATCH_PYTHON");
        return null;
    }

    private void write(String name, float[][] z, int k) throws IOException {
        Files.writeString(dir.resolve(name + ".txt"), IntStream.range(0, z.length)
                .mapToObj(i -> IntStream.range(0, z[i].length).mapToObj(j -> Float.toString(z[i][j]))
                        .collect(Collectors.joining(" ")))
                .collect(Collectors.joining("\n")));
        Files.writeString(dir.resolve(name + ".k"), Integer.toString(k));
    }

    private void writeDoubles(String name, double[][] m) throws IOException {
        Files.writeString(dir.resolve(name + ".txt"), java.util.Arrays.stream(m)
                .map(row -> java.util.Arrays.stream(row).mapToObj(Double::toString).collect(Collectors.joining(" ")))
                .collect(Collectors.joining("\n")));
    }

    /** Correlated pairs, y rounded to one decimal so Spearman sees ties. */
    private static double[][] pairs(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] xy = new double[n][2];
        for (double[] p : xy) {
            p[0] = r.nextDouble();
            p[1] = Math.round((0.5 * p[0] + 0.5 * r.nextDouble()) * 10) / 10.0;
        }
        return xy;
    }

    private static double[] column(double[][] m, int j) {
        return java.util.Arrays.stream(m).mapToDouble(row -> row[j]).toArray();
    }
}
