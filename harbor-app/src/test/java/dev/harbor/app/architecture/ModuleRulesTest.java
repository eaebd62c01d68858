package dev.harbor.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of DESIGN.md. harbor-app sees every module, so its tests check them all;
 * each module is a package root: domain, application, persistence, http, hardware, bikeep, app.
 */
class ModuleRulesTest {

    private static final List<String> ADAPTERS =
            List.of("dev.harbor.persistence..", "dev.harbor.http..", "dev.harbor.hardware..", "dev.harbor.bikeep..");

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // Under `mvn verify` the other modules arrive as jars: keep them, but not their test jars.
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.harbor");
    }

    @Test
    void every_module_is_on_the_class_path_so_the_rules_see_it() {
        for (String root : List.of(
                "dev.harbor.domain",
                "dev.harbor.application",
                "dev.harbor.persistence",
                "dev.harbor.http",
                "dev.harbor.hardware",
                "dev.harbor.bikeep",
                "dev.harbor.app")) {
            org.assertj.core.api.Assertions.assertThat(
                            production.stream().anyMatch(c -> c.getPackageName().startsWith(root)))
                    .as("classes under %s", root)
                    .isTrue();
        }
    }

    @Test
    void the_domain_depends_on_nothing_but_the_jdk() {
        ArchRule rule = classes()
                .that()
                .resideInAPackage("dev.harbor.domain..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.harbor.domain..");
        rule.check(production);
    }

    @Test
    void the_application_depends_only_on_the_domain_failsafe_and_slf4j() {
        ArchRule rule = classes()
                .that()
                .resideInAPackage("dev.harbor.application..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..", "dev.failsafe..", "org.slf4j..", "dev.harbor.domain..", "dev.harbor.application..");
        rule.check(production);
    }

    @Test
    void no_adapter_depends_on_another_adapter() {
        for (String adapter : ADAPTERS) {
            String[] others = ADAPTERS.stream().filter(a -> !a.equals(adapter)).toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage(adapter)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others)
                    .allowEmptyShould(true)
                    .check(production);
        }
    }

    @Test
    void the_http_adapter_calls_driving_ports_and_never_touches_a_driven_port() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("dev.harbor.http..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.harbor.application.port..")
                .because("the HTTP adapter drives the application through its use cases");
        rule.check(production);
    }

    @Test
    void the_services_of_the_application_are_not_public_only_their_driving_ports_are() {
        ArchRule rule = classes()
                .that()
                .resideInAPackage("dev.harbor.application..")
                .and()
                .haveSimpleNameEndingWith("Service")
                .should()
                .notBePublic()
                .because("each feature package hands out its driving ports through its public ...UseCases factory");
        rule.check(production);
    }

    @Test
    void the_board_driver_and_its_links_do_not_know_the_simulator() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.harbor.hardware", "dev.harbor.hardware.internal..", "dev.harbor.hardware.link..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.harbor.hardware.simulator..")
                .check(production);
    }

    @Test
    void the_bikeep_simulator_knows_neither_harbor_nor_the_bikeep_client_so_a_shared_mistake_cannot_hide() {
        noClasses()
                .that()
                .resideInAPackage("dev.harbor.bikeep.simulator..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.harbor.domain..", "dev.harbor.application..", "dev.harbor.bikeep.client..")
                .because("the simulator is written from the Bikeep spec and seed alone")
                .check(production);
    }

    @Test
    void nothing_depends_on_the_composition_root() {
        ArchRule rule = noClasses()
                .that()
                .resideOutsideOfPackage("dev.harbor.app..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.harbor.app..");
        rule.check(production);
    }

    @Test
    void only_the_composition_root_knows_micrometer_the_use_cases_report_through_their_port() {
        ArchRule rule = noClasses()
                .that()
                .resideOutsideOfPackage("dev.harbor.app..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.micrometer..", "com.zaxxer.hikari.metrics.micrometer..")
                .because("the use cases report to GatewayMetrics and the HTTP adapter to HttpMetrics; "
                        + "dev.harbor.app.metrics implements both with Micrometer");
        rule.check(production);
    }

    @Test
    void no_package_depends_on_itself_through_a_cycle() {
        slices().matching("dev.harbor.(**)").should().beFreeOfCycles().check(production);
    }
}
