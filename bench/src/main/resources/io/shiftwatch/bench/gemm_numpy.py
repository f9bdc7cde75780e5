"""float32 matrix-multiply roofline with numpy (OpenBLAS): prints one JSON line.
argv: m k n reps threads   ([m,k] x [k,n])"""
import json, sys, time
import numpy as np
from threadpoolctl import threadpool_limits

m, k, n, reps, threads = (int(a) for a in sys.argv[1:6])
rng = np.random.default_rng(1)
a = rng.standard_normal((m, k), dtype=np.float32)
b = rng.standard_normal((k, n), dtype=np.float32)
times = []
with threadpool_limits(limits=threads):
    a @ b
    for _ in range(reps):
        t = time.perf_counter()
        a @ b
        times.append(time.perf_counter() - t)
print(json.dumps({"seconds": times, "flop": 2.0 * m * k * n}))
