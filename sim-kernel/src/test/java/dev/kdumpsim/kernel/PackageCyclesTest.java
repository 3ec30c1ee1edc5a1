package dev.kdumpsim.kernel;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** sim-kernel's packages form a DAG: a cycle would let a driver and the machine that hosts it grow into one. */
class PackageCyclesTest {

    @Test
    void packagesAreFreeOfCycles() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.kdumpsim.kernel");
        slices().matching("dev.kdumpsim.kernel.(**)").should().beFreeOfCycles().check(classes);
    }
}
