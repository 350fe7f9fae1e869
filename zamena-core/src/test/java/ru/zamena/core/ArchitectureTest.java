package ru.zamena.core;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The core is pure domain: no HTTP, SQL, files-on-disk frameworks, CLI or JSON libraries. */
class ArchitectureTest {
    @Test
    void coreImportsNoFramework() {
        var core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("ru.zamena.core");
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..", "org.jdbi..", "java.sql..", "javax.sql..",
                        "org.postgresql..", "org.flywaydb..", "io.zonky..", "picocli..", "com.fasterxml.jackson..",
                        "org.apache.commons.csv..", "org.apache.poi..", "org.apache.spark..", "dev.cel..", "com.google.protobuf..", "ru.zamena.store..", "ru.zamena.app..",
                        "ru.zamena.server..", "ru.zamena.cli..", "ru.zamena.ingest..", "ru.zamena.compliance..")
                .because("core holds the domain only; adapters live around it (DESIGN.md)")
                .check(core);
    }
}
