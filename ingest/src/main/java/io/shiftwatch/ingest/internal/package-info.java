/** Internals of the ingest module: JSON plumbing, the HTTP service, the directory watcher. Not API. */
package io.shiftwatch.ingest.internal;
