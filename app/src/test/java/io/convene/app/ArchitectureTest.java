package io.convene.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The arrows of docs/architecture.md, kept true: one rule per arrow. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.convene");
    private static final String API = "io.convene.api..";
    private static final String WORKERS = "io.convene.workers..";
    private static final String APPLICATION = "io.convene.application..";
    private static final String INTEGRATION = "io.convene.integration..";
    private static final String PROCESSES = "io.convene.processes..";
    private static final String DOMAIN = "io.convene.domain..";
    private static final String EMBEDDED = "io.convene.embedded..";
    private static final String APP = "io.convene.app..";
    private static final String CAMUNDA_ENGINE = "org.camunda.bpm.engine";

    @Test
    void the_domain_depends_on_nothing_of_ours() {
        noClasses().that().resideInAPackage(DOMAIN).should().dependOnClassesThat()
                .resideInAnyPackage(API, WORKERS, APPLICATION, INTEGRATION, PROCESSES, EMBEDDED, APP).check(CLASSES);
    }

    @Test
    void the_processes_module_depends_on_nothing_of_ours() {
        noClasses().that().resideInAPackage(PROCESSES).should().dependOnClassesThat()
                .resideInAnyPackage(API, WORKERS, APPLICATION, INTEGRATION, DOMAIN, EMBEDDED, APP).check(CLASSES);
    }

    @Test
    void the_application_uses_only_the_domain_and_the_processes() {
        noClasses().that().resideInAPackage(APPLICATION).should().dependOnClassesThat()
                .resideInAnyPackage(API, WORKERS, INTEGRATION, EMBEDDED, APP).check(CLASSES);
    }

    /**
     * A feature reacts to another's change by listening to its event, not by calling it back: the
     * features of the application ({@code meeting}, {@code call}, {@code guest}, …) depend on each
     * other one way only.
     */
    @Test
    void the_features_of_the_application_are_free_of_cycles() {
        slices().matching("io.convene.application.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void integration_implements_the_domain_ports_only() {
        noClasses().that().resideInAPackage(INTEGRATION).should().dependOnClassesThat()
                .resideInAnyPackage(API, WORKERS, APPLICATION, PROCESSES, EMBEDDED, APP).check(CLASSES);
    }

    @Test
    void the_api_calls_the_application_only() {
        noClasses().that().resideInAPackage(API).should().dependOnClassesThat()
                .resideInAnyPackage(WORKERS, PROCESSES, INTEGRATION, EMBEDDED, APP).check(CLASSES);
    }

    @Test
    void the_api_holds_no_transaction_repository_or_engine_service() {
        noClasses().that().resideInAPackage(API)
                .should().beAnnotatedWith(Transactional.class)
                .orShould().dependOnClassesThat().areAnnotatedWith(Transactional.class)
                .orShould().dependOnClassesThat().areAssignableTo(Repository.class)
                .orShould().dependOnClassesThat().areAssignableTo(JdbcClient.class)
                .orShould().dependOnClassesThat().areAssignableTo(ProcessEngineServices.class)
                .orShould().dependOnClassesThat(engineServices())
                .check(CLASSES);
        noMethods().that().areDeclaredInClassesThat().resideInAPackage(API)
                .should().beAnnotatedWith(Transactional.class).check(CLASSES);
    }

    @Test
    void workers_call_the_application_only() {
        noClasses().that().resideInAPackage(WORKERS).should().dependOnClassesThat()
                .resideInAnyPackage(API, INTEGRATION, EMBEDDED, APP).check(CLASSES);
        noClasses().that().resideInAPackage(WORKERS)
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .orShould().dependOnClassesThat(engineServices())
                .check(CLASSES);
    }

    @Test
    void each_worker_calls_one_use_case() {
        classes().that().resideInAPackage(WORKERS).and().implement(JavaDelegate.class)
                .should(callExactlyOneApplicationClass()).check(CLASSES);
        // the external-task workers (RetryWebhookDelivery) too: every component of workers/ is a worker
        classes().that().resideInAPackage(WORKERS).and().areTopLevelClasses().and().areAnnotatedWith(Component.class)
                .should(callExactlyOneApplicationClass()).check(CLASSES);
    }

    @Test
    void nothing_but_the_app_depends_on_the_api_or_the_workers() {
        noClasses().that().resideOutsideOfPackages(API, WORKERS, APP).should().dependOnClassesThat()
                .resideInAnyPackage(API, WORKERS).check(CLASSES);
    }

    @Test
    void only_the_app_wires_the_embedded_servers() {
        noClasses().that().resideInAnyPackage(API, WORKERS, APPLICATION, INTEGRATION, DOMAIN, PROCESSES).should()
                .dependOnClassesThat().resideInAPackage(EMBEDDED).check(CLASSES);
    }

    /** RuntimeService, TaskService, … (the engine's service interfaces). */
    private static DescribedPredicate<JavaClass> engineServices() {
        return DescribedPredicate.describe("Camunda engine services", c -> c.getPackageName().equals(CAMUNDA_ENGINE)
                && c.getSimpleName().endsWith("Service"));
    }

    private static ArchCondition<JavaClass> callExactlyOneApplicationClass() {
        return new ArchCondition<>("call exactly one use-case class of the application") {
            @Override
            public void check(JavaClass worker, ConditionEvents events) {
                Set<String> called = new TreeSet<>();
                for (JavaMethodCall call : worker.getMethodCallsFromSelf()) {
                    JavaClass owner = call.getTargetOwner();
                    while (owner.getEnclosingClass().isPresent()) {
                        owner = owner.getEnclosingClass().get(); // a use case's result types are the use case
                    }
                    if (owner.getPackageName().startsWith("io.convene.application")) {
                        called.add(owner.getName());
                    }
                }
                boolean one = called.size() == 1;
                events.add(new SimpleConditionEvent(worker, one,
                        worker.getName() + " calls " + (called.isEmpty() ? "no use case" : String.join(", ", called))));
            }
        };
    }
}
