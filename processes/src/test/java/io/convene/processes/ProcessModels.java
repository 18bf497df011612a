package io.convene.processes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.RepositoryService;

/** What an analyst does in Modeler, done by a test: change a literal in a model and deploy it. */
public final class ProcessModels {

    private ProcessModels() {}

    public static String read(String resource) {
        try (InputStream in = ProcessModels.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no such model: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deploys {@code resource} with every {@code from} replaced by {@code to}; fails if {@code from} is absent. */
    public static String deployEdited(RepositoryService repository, String resource, String from, String to) {
        String model = read(resource);
        if (!model.contains(from)) {
            throw new IllegalArgumentException(resource + " does not contain " + from);
        }
        return repository.createDeployment()
                .name("edited " + resource)
                .addString(resource.substring(resource.lastIndexOf('/') + 1), model.replace(from, to))
                .deploy()
                .getId();
    }
}
