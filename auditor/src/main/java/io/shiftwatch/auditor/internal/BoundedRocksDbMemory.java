package io.shiftwatch.auditor.internal;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

import java.util.Map;

/**
 * Puts every RocksDB state store of the auditor under ONE off-heap budget: a block cache shared by all stores that
 * also holds their index and filter blocks, with the memtables charged to it through a shared write-buffer
 * manager (a quarter of the budget). Without it each store of each partition gets RocksDB's own caches and
 * buffers, and the auditor's native memory grew by ~57 MiB per 100 checkpoints (BENCHMARKS.md, memory). The budget
 * is the streams property {@link #BUDGET_BYTES}; the cache lives as long as the JVM, so closing a store leaves it.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {
    /** Streams property holding the total budget in bytes. */
    public static final String BUDGET_BYTES = "shiftwatch.rocksdb.memory.bytes";

    private static Cache cache;
    private static WriteBufferManager writeBuffers;

    private static synchronized void init(long budget) {
        if (cache != null) return;
        cache = new LRUCache(budget, -1, false, 0.1);
        writeBuffers = new WriteBufferManager(budget / 4, cache);
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Object budget = configs.get(BUDGET_BYTES);
        if (budget == null) return;
        init(Long.parseLong(budget.toString()));
        // Kafka Streams hands over its own BlockBasedTableConfig; plain Options have none yet.
        BlockBasedTableConfig table = options.tableFormatConfig() instanceof BlockBasedTableConfig given
                ? given : new BlockBasedTableConfig();
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBuffers);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and write-buffer manager are shared by all stores: they are not closed with one of them.
    }
}
