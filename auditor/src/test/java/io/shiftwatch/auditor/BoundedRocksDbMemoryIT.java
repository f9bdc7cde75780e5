package io.shiftwatch.auditor;

import io.shiftwatch.auditor.internal.BoundedRocksDbMemory;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The RocksDB budget with the real native library (an IT: loading it extracts a shared object): every store gets
 * the same write-buffer manager and caches its index and filter blocks; without a budget nothing is changed.
 */
class BoundedRocksDbMemoryIT {
    @Test
    void everyStoreSharesOneBudget() {
        // Given
        RocksDB.loadLibrary();
        var setter = new BoundedRocksDbMemory();
        Map<String, Object> configs = Map.of(BoundedRocksDbMemory.BUDGET_BYTES, Long.toString(16L << 20));
        try (Options first = new Options(); Options second = new Options(); Options unbudgeted = new Options()) {

            // When
            setter.setConfig("concept-history", first, configs);
            setter.setConfig("finding-states", second, configs);
            setter.setConfig("other", unbudgeted, Map.of());

            // Then
            assertNotNull(first.writeBufferManager());
            assertSame(first.writeBufferManager(), second.writeBufferManager());
            assertTrue(((BlockBasedTableConfig) second.tableFormatConfig()).cacheIndexAndFilterBlocks());
            assertNull(unbudgeted.writeBufferManager());
        }
    }
}
