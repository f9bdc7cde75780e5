/**
 * Exports a verified testbed checkpoint's weights as one NumPy {@code .npy} file per parameter, so
 * other tools (the bench's plain-PyTorch re-implementation of the testbed VLM) can load exactly the
 * weights DJL runs. Export only; nothing here is read back by Shiftwatch.
 */
package io.shiftwatch.models.export;
