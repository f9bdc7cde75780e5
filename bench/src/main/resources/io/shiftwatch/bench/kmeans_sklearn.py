"""scikit-learn K-Means on the same .npy matrix as the Java side: prints one JSON line.
argv: npy k n_init max_iter tol reps threads"""
import json, sys, time
import numpy as np
from sklearn.cluster import KMeans
from threadpoolctl import threadpool_limits

path, k, n_init, max_iter, tol, reps, threads = sys.argv[1:8]
z = np.load(path)
times, inertias = [], []
with threadpool_limits(limits=int(threads)):
    for r in range(int(reps)):
        t = time.perf_counter()
        km = KMeans(n_clusters=int(k), n_init=int(n_init), max_iter=int(max_iter), tol=float(tol),
                    init="k-means++", algorithm="lloyd", random_state=r).fit(z)
        times.append(time.perf_counter() - t)
        inertias.append(float(km.inertia_))
print(json.dumps({"seconds": times, "inertia": inertias, "dtype": str(z.dtype)}))
