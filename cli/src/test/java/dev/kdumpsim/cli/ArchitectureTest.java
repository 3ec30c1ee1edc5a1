package dev.kdumpsim.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.kdumpsim.kernel.api.KernelApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The product's shape, checked on bytecode (signatures, fields and calls, not only imports): each
 * module's packages, its root package included, form a DAG, and modules depend one way, core <-
 * pcie, IOMMU models <- kernel <- scenarios <- cli (docs/architecture.md). The cli module runs this
 * because its classpath holds every module.
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.kdumpsim");

    @ParameterizedTest
    @ValueSource(strings = {"core", "pcie", "smmuv3", "vtd", "kernel", "scenarios", "cli", "bench"})
    void eachModulesPackagesAreFreeOfCycles(String module) {
        slices().assignedFrom(packagesOf("dev.kdumpsim." + module)).should().beFreeOfCycles()
                .allowEmptyShould(true).check(PRODUCT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "core:pcie,smmuv3,vtd,kernel,scenarios,cli",
        "pcie:smmuv3,vtd,kernel,scenarios,cli",
        "smmuv3:vtd,kernel,scenarios,cli",
        "vtd:smmuv3,kernel,scenarios,cli",
        "kernel:scenarios,cli",
        "scenarios:cli"})
    void modulesDependOneWay(String rule) {
        String[] parts = rule.split(":");
        String[] above = parts[1].split(",");
        for (int i = 0; i < above.length; i++) {
            above[i] = "dev.kdumpsim." + above[i] + "..";
        }
        noClasses().that().resideInAPackage("dev.kdumpsim." + parts[0] + "..").should().dependOnClassesThat()
                .resideInAnyPackage(above).check(PRODUCT);
    }

    /**
     * scenarios and cli reach sim-kernel only through its facade, the types marked
     * {@link KernelApi} (and their nested types); the drivers, the PCI core and the rest stay
     * machinery that can change without touching the modules above.
     */
    @Test
    void theModulesAboveTheKernelUseOnlyItsFacade() {
        DescribedPredicate<JavaClass> machinery = new DescribedPredicate<>("sim-kernel machinery (not @KernelApi)") {
            @Override
            public boolean test(JavaClass c) {
                if (!c.getPackageName().startsWith("dev.kdumpsim.kernel")) {
                    return false;
                }
                JavaClass top = c;
                while (top.getEnclosingClass().isPresent()) {
                    top = top.getEnclosingClass().get();
                }
                return !top.isAnnotatedWith(KernelApi.class);
            }
        };
        noClasses().that().resideOutsideOfPackage("dev.kdumpsim.kernel..").should().dependOnClassesThat(machinery)
                .check(PRODUCT);
    }

    /** One slice per package under {@code root}, the root package itself being one. */
    private static SliceAssignment packagesOf(String root) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String p = c.getPackageName();
                if (p.equals(root)) {
                    return SliceIdentifier.of("(root)");
                }
                return p.startsWith(root + ".") ? SliceIdentifier.of(p.substring(root.length() + 1))
                        : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the packages of " + root;
            }
        };
    }
}
