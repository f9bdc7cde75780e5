package io.shiftwatch.dashboards.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * The browsers listening for live updates (server-sent events). {@link #publish} writes one event to
 * every open stream; a stream that fails is closed and forgotten (the browser's EventSource reconnects
 * by itself). Thread-safe.
 */
public final class LiveHub {
    /** One open event stream; {@link #closed} is released when it fails or the hub stops. */
    public static final class Listener {
        private final OutputStream out;
        private final CountDownLatch closed = new CountDownLatch(1);

        Listener(OutputStream out) {
            this.out = out;
        }

        public void awaitClose() throws InterruptedException {
            closed.await();
        }

        synchronized boolean send(byte[] frame) {
            try {
                out.write(frame);
                out.flush();
                return true;
            } catch (IOException e) {
                closed.countDown();
                return false;
            }
        }
    }

    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();

    public Listener open(OutputStream out) {
        Listener l = new Listener(out);
        listeners.add(l);
        l.send(": connected\n\n".getBytes(StandardCharsets.UTF_8));
        return l;
    }

    /** Sends {@code event} with JSON {@code data} (one line) to every listener. */
    public void publish(String event, String data) {
        byte[] frame = ("event: " + event + "\ndata: " + data.replace('\n', ' ') + "\n\n").getBytes(StandardCharsets.UTF_8);
        listeners.removeIf(l -> !l.send(frame));
    }

    /** A comment line that keeps proxies from closing idle streams and finds dead ones. */
    public void heartbeat() {
        byte[] frame = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);
        listeners.removeIf(l -> !l.send(frame));
    }

    public int size() {
        return listeners.size();
    }

    public void closeAll() {
        listeners.forEach(l -> l.closed.countDown());
        listeners.clear();
    }
}
