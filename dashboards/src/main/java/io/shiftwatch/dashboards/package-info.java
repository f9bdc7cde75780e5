/**
 * Dashboards: a web UI and JSON API over the PostgreSQL data (no second copy). Entry points:
 * {@link io.shiftwatch.dashboards.DashboardsCli} ({@code ./shiftwatch dashboards}, {@code dashboards bench}),
 * {@link io.shiftwatch.dashboards.DashboardServer} (JDK HttpServer: static UI from {@code web/}, {@code /api},
 * {@code /api/events} server-sent events, {@code /metrics}) and {@link io.shiftwatch.dashboards.DashboardsSettings}
 * (port, tokens, probe folders, live feed). Queries, live feed, images and metrics live in {@code internal}.
 * Depends on ingest (config, topics) and migrations (schema, acknowledgements, vector search) only.
 */
package io.shiftwatch.dashboards;
