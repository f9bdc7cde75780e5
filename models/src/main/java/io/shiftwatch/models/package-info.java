/**
 * Models: the only module that touches DJL. Entry points:
 * <ul>
 *   <li>{@link io.shiftwatch.models.ModelAdapters#open} loads a verified checkpoint folder as a
 *       {@link io.shiftwatch.models.ModelAdapter} (generate with captured residual states, steer with an
 *       additive vector, unembed), for the analyzer and steering code;</li>
 *   <li>{@link io.shiftwatch.models.TestbedModels} creates or fine-tunes the testbed VLM and returns a
 *       {@link io.shiftwatch.models.TestbedTrainer} (step, evaluate, save), for the testbed module;</li>
 *   <li>{@link io.shiftwatch.models.WordVocabulary} is the testbed's tokenizer.</li>
 * </ul>
 * Failures to load are {@link io.shiftwatch.models.ModelLoadException}s. Everything under
 * {@code internal} (the DJL blocks, decoder, checkpoint reader/writer, trainer) is private to this module.
 */
package io.shiftwatch.models;
