package org.qatwb.app.exporter;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.qatwb.model.metrics.MetricsFormat;
import org.qatwb.model.metrics.TargetState;

/**
 * The exporter over HTTP, with the JDK's own server: {@code GET|HEAD /metrics} (the format the
 * {@code Accept} header asks for, gzip when {@code Accept-Encoding} allows it, as Prometheus asks),
 * {@code GET /} a small status page, 404 for any other path, 405 for any other method. Two threads:
 * a scrape only renders memory, so more would only let a flood of requests use more CPU. No
 * request body is ever read.
 */
public final class MetricsServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(MetricsServer.class.getName());

    private final HttpServer server;
    private final ExecutorService executor;
    private final Exporter exporter;

    private MetricsServer(HttpServer server, ExecutorService executor, Exporter exporter) {
        this.server = server;
        this.executor = executor;
        this.exporter = exporter;
    }

    /**
     * Listens on {@code address} (port 0: any free one) and serves at once.
     *
     * @throws IOException when the address cannot be bound (in use, not this host's)
     */
    public static MetricsServer start(InetSocketAddress address, Exporter exporter) throws IOException {
        // With two threads, a client that sends its request slowly (or never) would hold one for good:
        // the JDK's server has no limit on reading a request unless asked (sun.net.httpserver's
        // ServerConfig, read once when the server classes load). A scrape's request is a few hundred
        // bytes; 5 s leaves a scrape queued behind slow clients inside Prometheus's 10 s timeout (seen:
        // three clients that sent half a request line held both threads until dropped).
        System.setProperty("sun.net.httpserver.maxReqTime", System.getProperty("sun.net.httpserver.maxReqTime", "5"));
        System.setProperty("sun.net.httpserver.maxRspTime", System.getProperty("sun.net.httpserver.maxRspTime", "30"));
        HttpServer server = HttpServer.create(address, 16);
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "qatwb-exporter-http");
            t.setDaemon(true);
            return t;
        });
        MetricsServer m = new MetricsServer(server, executor, exporter);
        server.createContext("/", m::handle);
        server.setExecutor(executor);
        server.start();
        return m;
    }

    /** Where it listens (the port chosen when 0 was asked for). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            boolean head = "HEAD".equals(method);
            if (!head && !"GET".equals(method)) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                empty(ex, 405);
                return;
            }
            String path = ex.getRequestURI().getPath();
            if ("/metrics".equals(path)) {
                MetricsFormat format = MetricsFormat.negotiate(ex.getRequestHeaders().getFirst("Accept"));
                send(ex, head, format.contentType(), exporter.render(format));
            } else if ("/".equals(path)) {
                send(ex, head, "text/html; charset=utf-8", page());
            } else {
                empty(ex, 404);
            }
        } catch (IOException | RuntimeException e) {
            // a client that went away, or a bug in rendering: the next scrape tries again
            LOG.log(System.Logger.Level.WARNING, "exporter: a request failed", e);
            throw e;
        }
    }

    private String page() {
        List<TargetState> states = exporter.states(exporter.now());
        List<String> problems = new ArrayList<>(states.size());
        for (TargetSupervisor s : exporter.supervisors()) {
            problems.add(s.problem());
        }
        return StatusPage.render("qatwb " + exporter.version(), states, problems);
    }

    private static void send(HttpExchange ex, boolean head, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("Vary", "Accept, Accept-Encoding");
        if (acceptsGzip(ex.getRequestHeaders().getFirst("Accept-Encoding"))) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream(bytes.length / 4 + 64);
            try (GZIPOutputStream gz = new FastGzip(zipped)) {
                gz.write(bytes);
            }
            bytes = zipped.toByteArray();
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        if (head) {
            ex.getResponseHeaders().set("Content-Length", Integer.toString(bytes.length));
            ex.sendResponseHeaders(200, -1);
            return;
        }
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void empty(HttpExchange ex, int status) throws IOException {
        ex.sendResponseHeaders(status, -1);
    }

    /**
     * gzip at deflate's fastest level: the exposition is repetitive text that level 1 already shrinks
     * about 15 times, and a scrape should spend its time on nothing it need not.
     */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 8192);
            def.setLevel(java.util.zip.Deflater.BEST_SPEED);
        }
    }

    /** Whether {@code gzip} is among the codings, and not refused with {@code q=0}. */
    static boolean acceptsGzip(String header) {
        if (header == null) {
            return false;
        }
        for (String part : header.split(",")) {
            String[] p = part.trim().split(";");
            if (!p[0].trim().toLowerCase(Locale.ROOT).equals("gzip")) {
                continue;
            }
            for (int i = 1; i < p.length; i++) {
                String q = p[i].trim().toLowerCase(Locale.ROOT);
                if (q.startsWith("q=")) {
                    try {
                        return Double.parseDouble(q.substring(2)) > 0;
                    } catch (NumberFormatException e) {
                        return false;
                    }
                }
            }
            return true;
        }
        return false;
    }

    /** Stops listening (at most a second for requests under way) and ends its threads. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
