package io.cloudwarden.cost.imports;

import io.cloudwarden.cost.focus.ConformanceReport;
import io.cloudwarden.cost.focus.FocusConformanceChecker;
import io.cloudwarden.cost.focus.FocusRow;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Runs an import's FOCUS conformance check on its own thread, so checking overlaps with reading and writing the
 * rows. Rows are handed over in batches; the reader never touches a row again after passing it on.
 */
final class BackgroundConformance implements AutoCloseable {

    private static final int BATCH = 2048;
    private static final List<FocusRow> END = List.of();

    private final FocusConformanceChecker.Session session;
    private final BlockingQueue<List<FocusRow>> batches = new ArrayBlockingQueue<>(16);
    private final Thread worker;
    private volatile RuntimeException failure;
    private List<FocusRow> current = new ArrayList<>(BATCH);
    private boolean finished;

    BackgroundConformance(FocusConformanceChecker.Session session) {
        this.session = session;
        this.worker = new Thread(this::work, "cost-conformance");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    void check(FocusRow row) {
        current.add(row);
        if (current.size() == BATCH) {
            hand(current);
            current = new ArrayList<>(BATCH);
        }
    }

    /** Waits for every row to be checked and returns the report. */
    ConformanceReport finish() {
        if (!current.isEmpty()) {
            hand(current);
        }
        hand(END);
        finished = true;
        join();
        if (failure != null) {
            throw failure;
        }
        return session.finish();
    }

    @Override
    public void close() {
        if (!finished) {
            worker.interrupt();
            join();
        }
    }

    private void work() {
        try {
            while (true) {
                List<FocusRow> batch = batches.take();
                if (batch == END) {
                    return;
                }
                for (FocusRow row : batch) {
                    session.check(row);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
            batches.clear();
        }
    }

    private void hand(List<FocusRow> batch) {
        if (failure != null) {
            throw failure;
        }
        try {
            batches.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking conformance", e);
        }
    }

    private void join() {
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
