package io.convene.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The arrows of docs/architecture.md, kept true. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.convene");
    private static final String API = "io.convene.api..";
    private static final String WORKERS = "io.convene.workers..";
    private static final String INTEGRATION = "io.convene.integration..";
    private static final String PROCESSES = "io.convene.processes..";
    private static final String DOMAIN = "io.convene.domain..";
    private static final String EMBEDDED = "io.convene.embedded..";
    private static final String APP = "io.convene.app..";

    @Test
    void the_domain_depends_on_nothing_of_ours() {
        noClasses().that().resideInAPackage(DOMAIN).should().dependOnClassesThat()
                .resideInAnyPackage(API, WORKERS, INTEGRATION, PROCESSES, EMBEDDED, APP).check(CLASSES);
    }

    @Test
    void the_processes_module_depends_on_nothing_of_ours() {
        noClasses().that().resideInAPackage(PROCESSES).should().dependOnClassesThat()
                .resideInAnyPackage(API, WORKERS, INTEGRATION, DOMAIN, EMBEDDED, APP).check(CLASSES);
    }

    @Test
    void integration_depends_only_on_the_domain() {
        noClasses().that().resideInAPackage(INTEGRATION).should().dependOnClassesThat()
                .resideInAnyPackage(API, WORKERS, PROCESSES, EMBEDDED, APP).check(CLASSES);
    }

    @Test
    void the_api_uses_only_processes_and_domain() {
        noClasses().that().resideInAPackage(API).should().dependOnClassesThat()
                .resideInAnyPackage(WORKERS, INTEGRATION, EMBEDDED, APP).check(CLASSES);
    }

    @Test
    void workers_use_domain_integration_and_processes_only() {
        noClasses().that().resideInAPackage(WORKERS).should().dependOnClassesThat()
                .resideInAnyPackage(API, EMBEDDED, APP).check(CLASSES);
    }

    @Test
    void only_the_app_wires_the_embedded_servers() {
        noClasses().that().resideInAnyPackage(API, WORKERS, INTEGRATION, DOMAIN, PROCESSES).should()
                .dependOnClassesThat().resideInAPackage(EMBEDDED).check(CLASSES);
    }
}
