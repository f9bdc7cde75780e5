/**
 * Models: the only module that touches DJL. Public API: {@link io.shiftwatch.models.ModelAdapter}
 * (generate, read the residual stream at a layer, inject an additive vector, unembed), its records,
 * and the loader entry point. Everything under {@code internal} is private to this module.
 */
package io.shiftwatch.models;
