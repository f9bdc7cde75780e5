/** Internals of the dashboards: read queries, JSON views, sessions, live feed (Kafka -> SSE), probe images, metrics, bench. */
package io.shiftwatch.dashboards.internal;
