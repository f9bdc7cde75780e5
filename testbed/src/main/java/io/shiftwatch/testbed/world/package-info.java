/**
 * The procedural world: {@link io.shiftwatch.testbed.world.SceneSampler} draws a
 * {@link io.shiftwatch.testbed.world.Scene} from an injected RandomGenerator,
 * {@link io.shiftwatch.testbed.world.SceneRenderer} turns it into RGB bytes,
 * {@link io.shiftwatch.testbed.world.Captions} and {@link io.shiftwatch.testbed.world.Questions} word it
 * under a {@link io.shiftwatch.testbed.world.TextStyle}, and
 * {@link io.shiftwatch.testbed.world.WorldLexicon#words()} is the closed word list.
 */
package io.shiftwatch.testbed.world;
