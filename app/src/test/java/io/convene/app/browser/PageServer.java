package io.convene.app.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A tiny static web server on 127.0.0.1 (a free port) for the browser test's portal page: the page,
 * keycloak-js and socket.io-client's browser bundle from the test's node_modules. Pages load it as
 * {@code http://localhost:<port>} (an allowed origin) or {@code http://127.0.0.1:<port>} (a foreign one).
 */
final class PageServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "map", "application/json");

    private final HttpServer server;

    /** {@code routes}: URL prefix (ending in /) → folder it serves. */
    PageServer(Map<String, Path> routes) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        routes.forEach((prefix, folder) -> server.createContext(prefix, exchange -> serve(exchange, prefix, folder)));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void serve(HttpExchange exchange, String prefix, Path folder) throws IOException {
        try {
            String rest = exchange.getRequestURI().getPath().substring(prefix.length());
            Path file = folder.resolve(rest.isEmpty() ? "index.html" : rest).normalize();
            if (!"GET".equals(exchange.getRequestMethod()) || !file.startsWith(folder) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String name = file.getFileName().toString();
            String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
