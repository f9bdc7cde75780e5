package io.shiftwatch.analyzer.service;

import io.shiftwatch.models.AdapterOptions;
import io.shiftwatch.models.ModelAdapter;
import io.shiftwatch.models.ModelAdapters;
import io.shiftwatch.models.ModelFormat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The reference checkpoints of the null (analyzer.null-references), opened together and closed together. */
record References(List<ModelAdapter> adapters) implements AutoCloseable {
    static References open(List<Path> folders, AdapterOptions options) {
        List<ModelAdapter> out = new ArrayList<>();
        try {
            for (Path folder : folders) out.add(ModelAdapters.open(folder, ModelFormat.TESTBED, options));
            return new References(List.copyOf(out));
        } catch (RuntimeException e) {
            out.forEach(ModelAdapter::close);
            throw e;
        }
    }

    @Override
    public void close() {
        adapters.forEach(ModelAdapter::close);
    }
}
