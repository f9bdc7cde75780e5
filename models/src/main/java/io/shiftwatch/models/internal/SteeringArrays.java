package io.shiftwatch.models.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.shiftwatch.models.Steering;

/**
 * A {@link Steering} turned into arrays once per generation: {@code alpha * vector} [D] and, for a
 * concept gate, the centroids transposed [D, K] with their squared norms [K]. {@link #pass} binds it
 * to one window's position mask.
 */
final class SteeringArrays {
    private final int layer;
    private final Steering.TokenRange range;
    private final NDArray scaledVector;
    private final NDArray centroidsT;
    private final NDArray centroidSquaredNorms;
    private final int concept;

    private SteeringArrays(Steering steering, NDArray scaledVector, NDArray centroidsT, NDArray norms) {
        this.layer = steering.layer();
        this.range = steering.range();
        this.scaledVector = scaledVector;
        this.centroidsT = centroidsT;
        this.centroidSquaredNorms = norms;
        this.concept = steering.gate().map(Steering.ConceptGate::concept).orElse(-1);
    }

    /** Arrays for {@code steering} in {@code manager}; shapes already validated against the model width. */
    static SteeringArrays of(NDManager manager, Steering steering) {
        float[] v = steering.vector();
        float[] scaled = new float[v.length];
        for (int i = 0; i < v.length; i++) scaled[i] = steering.alpha() * v[i];
        NDArray vector = manager.create(scaled);
        if (steering.gate().isEmpty()) return new SteeringArrays(steering, vector, null, null);
        float[][] c = steering.gate().get().centroids();
        int k = c.length;
        int d = v.length;
        float[] transposed = new float[d * k];
        float[] norms = new float[k];
        for (int j = 0; j < k; j++) {
            double sq = 0;
            for (int i = 0; i < d; i++) {
                transposed[i * k + j] = c[j][i];
                sq += (double) c[j][i] * c[j][i];
            }
            norms[j] = (float) sq;
        }
        return new SteeringArrays(steering, vector, manager.create(transposed, new Shape(d, k)), manager.create(norms));
    }

    Steering.TokenRange range() {
        return range;
    }

    /** Binds the intervention to a window whose touched positions are 1 in {@code positionMask} [B, n, 1]. */
    Pass pass(NDArray positionMask) {
        return new Pass(this, positionMask);
    }

    record Pass(SteeringArrays arrays, NDArray positionMask) {
        int layer() {
            return arrays.layer;
        }

        /**
         * {@code x + mask * alpha * v} for x [B, n, D]; with a gate, mask is also 0 where the nearest
         * centroid (Euclidean, on the unsteered state) is not the gate's concept.
         */
        NDArray apply(NDArray x) {
            NDArray mask = positionMask;
            if (arrays.centroidsT != null) {
                // ||x - c||² = ||x||² - 2 x·c + ||c||²; ||x||² is the same for every centroid, so it is left out.
                NDArray distance = x.matMul(arrays.centroidsT).mul(-2).add(arrays.centroidSquaredNorms);
                NDArray gate = distance.argMin(2).eq(arrays.concept).toType(DataType.FLOAT32, false).expandDims(2);
                mask = mask.mul(gate);
            }
            return x.add(mask.mul(arrays.scaledVector));
        }
    }
}
