/**
 * Storage: Flyway migrations for PostgreSQL + pgvector ({@code db/migration}), applied by
 * {@link io.shiftwatch.migrations.Migrator} ({@code ./shiftwatch migrate} is
 * {@link io.shiftwatch.migrations.MigrateCli}); connection settings
 * ({@link io.shiftwatch.migrations.DatabaseConfig}, {@link io.shiftwatch.migrations.Database} with the
 * one-transaction helper); per-dimension HNSW (default) or IVFFlat indexes
 * ({@link io.shiftwatch.migrations.IndexMethod}) and nearest-neighbour queries for vectors of any
 * width ({@link io.shiftwatch.migrations.VectorIndexes}, {@link io.shiftwatch.migrations.VectorSearch});
 * and the audit log's hash chain ({@link io.shiftwatch.migrations.AuditChain}).
 */
package io.shiftwatch.migrations;
