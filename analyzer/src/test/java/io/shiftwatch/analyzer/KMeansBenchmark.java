package io.shiftwatch.analyzer;

import io.shiftwatch.analyzer.concepts.ConceptDictionary;
import io.shiftwatch.analyzer.concepts.KMeansConfig;
import io.shiftwatch.analyzer.concepts.KMeansDictionary;
import io.shiftwatch.analyzer.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Timing harness (not a test, no assertions): K-Means concept dictionaries of K = 20 with 10
 * restarts on M x D synthetic hidden states (20 random centres + Gaussian noise of -Dsigma, default 1), ours against
 * scikit-learn on the same matrix when a python3 with scikit-learn is given as the last argument.
 * Usage: {@code java -cp analyzer/target/classes:analyzer/target/test-classes
 * io.shiftwatch.analyzer.KMeansBenchmark M D [python3]}.
 */
public final class KMeansBenchmark {
    private KMeansBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int m = Integer.parseInt(args[0]);
        int d = Integer.parseInt(args[1]);
        float[][] centres = Fixtures.uniform(20, d, 99);
        for (float[] c : centres) {
            for (int j = 0; j < d; j++) {
                c[j] *= 3;
            }
        }
        double sigma = Double.parseDouble(System.getProperty("sigma", "1.0"));
        float[][] z = Fixtures.blobs(centres, m / 20, sigma, 7);
        KMeansConfig cfg = KMeansConfig.defaults(1);
        KMeansDictionary.fit(Fixtures.uniform(400, 16, 1), cfg); // warm-up
        long t0 = System.nanoTime();
        ConceptDictionary ours = KMeansDictionary.fit(z, cfg);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("ours    M=%d D=%d sigma=%.1f K=20 restarts=10: %.2f s, inertia %.6e%n", z.length, d, sigma, seconds, ours.inertia());
        if (args.length > 2) {
            Path file = Files.createTempFile("kmeans-bench", ".txt");
            Files.writeString(file, IntStream.range(0, z.length)
                    .mapToObj(i -> IntStream.range(0, d).mapToObj(j -> Float.toString(z[i][j])).collect(Collectors.joining(" ")))
                    .collect(Collectors.joining("\n")));
            String script = "import sys,time,numpy as np\nfrom sklearn.cluster import KMeans\n"
                    + "z=np.loadtxt(sys.argv[1],dtype=np.float32)\nt=time.perf_counter()\n"
                    + "km=KMeans(n_clusters=20,n_init=10,init='k-means++',random_state=0).fit(z)\n"
                    + "print('sklearn M=%d D=%d K=20 n_init=10: %.2f s, inertia %.6e' % (z.shape[0], z.shape[1], time.perf_counter()-t, km.inertia_))\n";
            Process p = new ProcessBuilder(args[2], "-c", script, file.toString()).redirectErrorStream(true).start();
            System.out.print(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            p.waitFor();
            Files.delete(file);
        }
    }
}
