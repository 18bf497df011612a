package io.convene.app.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The npm {@code @asyncapi/parser} (app/src/test/asyncapi, pinned by its lockfile) in a child
 * process: parses a document and reports its diagnostics.
 */
final class AsyncApiParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIR = Path.of("src/test/asyncapi").toAbsolutePath();

    /** What the parser said: each diagnostic ({@code severity, code, message, path}) and its summary line. */
    record Result(int exitCode, List<JsonNode> diagnostics, JsonNode parsed, String output) {

        List<JsonNode> errors() {
            return diagnostics.stream().filter(d -> "error".equals(d.path("severity").asText())).toList();
        }
    }

    private AsyncApiParser() {}

    static Result parse(Path document) {
        install();
        try {
            Process node = new ProcessBuilder("node", "validate.mjs", document.toAbsolutePath().toString())
                    .directory(DIR.toFile()).redirectErrorStream(true).start();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!node.waitFor(2, TimeUnit.MINUTES)) {
                node.destroyForcibly();
                throw new IllegalStateException("the AsyncAPI parser did not finish: " + output);
            }
            List<JsonNode> diagnostics = new ArrayList<>();
            JsonNode parsed = null;
            for (String line : output.split("\n")) {
                if (line.startsWith("{")) {
                    JsonNode json = JSON.readTree(line);
                    if (json.has("parsed")) {
                        parsed = json;
                    } else {
                        diagnostics.add(json);
                    }
                }
            }
            return new Result(node.exitValue(), diagnostics, parsed, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code npm ci} when the lockfile's packages are not there yet (no install scripts: none is needed). */
    private static synchronized void install() {
        if (Files.exists(DIR.resolve("node_modules/@asyncapi/parser/package.json"))) {
            return;
        }
        try {
            Process npm = new ProcessBuilder("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund")
                    .directory(DIR.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                throw new IllegalStateException("npm ci failed in " + DIR);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
