package io.shiftwatch.models.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import io.shiftwatch.models.AdapterOptions;
import io.shiftwatch.models.ModelAdapter;
import io.shiftwatch.models.ModelInfo;
import io.shiftwatch.models.TestbedModelConfig;
import io.shiftwatch.models.TestbedTrainer;
import io.shiftwatch.models.TrainingBatch;
import io.shiftwatch.models.TrainingOptions;
import io.shiftwatch.models.TrainingStepResult;
import io.shiftwatch.models.WordVocabulary;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link TestbedTrainer} with DJL's Adam and a hand-written step: forward + masked cross-entropy under a
 * gradient collector, global-norm clipping, one Adam update per parameter. Every array a step creates
 * (inputs, activations, gradient handles) is attached to a per-step manager closed at the end of the
 * step, so memory stays flat; only the weights and Adam's moments live in the trainer's manager.
 */
public final class TestbedTraining implements TestbedTrainer {
    private final NDManager manager;
    private final TestbedVlm model;
    private final WordVocabulary vocabulary;
    private final TrainingOptions options;
    private final ParameterStore ps;
    private final List<Parameter> parameters = new ArrayList<>();
    private final Adam adam;
    private final Clock clock;
    /** Updates in a row with a non-finite gradient after which training gives up. */
    static final int MAX_CONSECUTIVE_SKIPS = 5;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TestbedTraining.class);
    private int steps;
    private int consecutiveSkips;
    private int skippedUpdates;

    /** Takes ownership of {@code manager} (which holds {@code model}'s weights). */
    public TestbedTraining(NDManager manager, TestbedVlm model, WordVocabulary vocabulary, TrainingOptions options, Clock clock) {
        this.manager = manager;
        this.model = model;
        this.vocabulary = vocabulary;
        this.options = options;
        this.clock = clock;
        this.ps = new ParameterStore(manager, false);
        for (var p : model.getParameters()) {
            p.getValue().getArray().setRequiresGradient(true);
            parameters.add(p.getValue());
        }
        Tracker schedule = ignoredUpdateCount -> (float) options.learningRate(steps);
        this.adam = Adam.builder().optLearningRateTracker(schedule).optWeightDecays((float) options.weightDecay()).build();
    }

    @Override
    public TrainingStepResult step(TrainingBatch batch) {
        MaskedCrossEntropy.check(batch, model.config(), model.vocabSize());
        try (NDManager stepManager = manager.newSubManager()) {
            NDArray loss;
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                loss = MaskedCrossEntropy.loss(model, ps, stepManager, batch, options.lossWeighting(), options.patchWordWeight(), true);
                collector.backward(loss);
            }
            double lossValue = loss.getFloat();
            if (!Double.isFinite(lossValue))
                throw new IllegalStateException("training loss is " + lossValue + " at update " + (steps + 1)
                        + "; the weights were not updated; lower the learning rate and restart from the last checkpoint");
            List<NDArray> gradients = new ArrayList<>(parameters.size());
            double squaredNorm = 0;
            for (Parameter p : parameters) {
                NDArray g = p.getArray().getGradient();
                g.attach(stepManager);
                gradients.add(g);
                // In double: float32 squares overflow to Infinity for entries above ~1.8e19, which clipping handles.
                squaredNorm += g.toType(DataType.FLOAT64, false).square().sum().getDouble();
            }
            double norm = Math.sqrt(squaredNorm);
            // A non-finite gradient would pass the clipping test (NaN > clip is false) and poison the weights:
            // skip the update (as mixed-precision trainers do with an overflow) and stop only if it persists.
            if (!Double.isFinite(norm)) {
                if (++consecutiveSkips > MAX_CONSECUTIVE_SKIPS)
                    throw new IllegalStateException("gradient norm is " + norm + " at " + consecutiveSkips
                            + " consecutive updates (last " + (steps + 1) + "); the weights were not updated; lower"
                            + " the learning rate and restart from the last checkpoint");
                LOG.warn("non-finite gradient skipped: update={} norm={} loss={} skippedSoFar={}", steps + 1, norm,
                        lossValue, ++skippedUpdates);
                zeroGradients();
                steps++;
                return new TrainingStepResult(steps, lossValue, options.learningRate(steps - 1), norm, false);
            }
            consecutiveSkips = 0;
            boolean clipped = norm > options.gradientClipNorm();
            double learningRate = options.learningRate(steps);
            for (int i = 0; i < parameters.size(); i++) {
                NDArray g = clipped ? gradients.get(i).mul((float) (options.gradientClipNorm() / norm)) : gradients.get(i);
                adam.update(parameters.get(i).getId(), parameters.get(i).getArray(), g);
            }
            zeroGradients();
            steps++;
            return new TrainingStepResult(steps, lossValue, learningRate, norm, clipped);
        }
    }

    /**
     * PyTorch ADDS each backward pass into the gradient buffers, and DJL's collector neither clears them
     * when it opens nor reaches arrays outside the system manager (its zeroGradients also subtracts, which
     * keeps a NaN forever). So the buffers are overwritten with zeros here after every update; without
     * this the "gradient" was the sum over all past steps and overflowed after a few thousand updates.
     */
    private void zeroGradients() {
        // Handles and the fill's temporaries live in a sub-manager so nothing outlives the call.
        try (NDManager scratch = manager.newSubManager()) {
            for (Parameter p : parameters) {
                NDArray g = p.getArray().getGradient();
                g.attach(scratch);
                // An in-place fill: set(Buffer) would swap in storage borrowed from a Java buffer that the GC
                // may free while autograd still accumulates into it (a SIGSEGV in backward).
                g.set(new NDIndex("..."), 0f);
            }
        }
    }

    @Override
    public double evaluate(TrainingBatch batch) {
        MaskedCrossEntropy.check(batch, model.config(), model.vocabSize());
        try (NDManager evalManager = manager.newSubManager()) {
            return MaskedCrossEntropy.loss(model, ps, evalManager, batch, options.lossWeighting(), false).getFloat();
        }
    }

    @Override public int stepsDone() { return steps; }

    @Override public TestbedModelConfig config() { return model.config(); }

    @Override public WordVocabulary vocabulary() { return vocabulary; }

    @Override
    public ModelInfo save(Path dir, Map<String, String> metadata) {
        return TestbedCheckpoint.write(dir, model, vocabulary, metadata, clock);
    }

    @Override
    public ModelAdapter adapter(AdapterOptions options) {
        var info = TestbedCheckpoint.info(model.config(), model.vocabSize(), TestbedCheckpoint.contentHash(model, vocabulary));
        return new TestbedAdapter(manager, false, model, vocabulary, info, options.batchSize());
    }

    /** Arrays alive in the trainer's manager and its sub-managers (weights, Adam moments, and any leak). */
    int liveArrays() {
        return manager.getManagedArrays().size();
    }

    /** Sum of squares of every parameter's gradient buffer (0 between updates; tests). */
    double gradientSquaredSum() {
        double sum = 0;
        for (Parameter p : parameters) {
            try (NDArray g = p.getArray().getGradient()) {
                sum += g.square().sum().getFloat();
            }
        }
        return sum;
    }

    /** The model being trained (tests and tools inside this module). */
    public TestbedVlm model() { return model; }

    @Override
    public void close() {
        manager.close();
    }
}
