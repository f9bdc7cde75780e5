package io.shiftwatch.migrations;

/**
 * The tables whose vector column can be searched, with their id and vector columns. SQL is built
 * only from these constants (never from caller text); values always go through prepared statements.
 */
public enum VectorTable {
    CONCEPTS("concepts", "concept_id", "vec"),
    STEERING_VECTORS("steering_vectors", "steering_id", "vec");

    private final String table;
    private final String idColumn;
    private final String vectorColumn;

    VectorTable(String table, String idColumn, String vectorColumn) {
        this.table = table;
        this.idColumn = idColumn;
        this.vectorColumn = vectorColumn;
    }

    public String table() { return table; }

    public String idColumn() { return idColumn; }

    public String vectorColumn() { return vectorColumn; }
}
