package dev.kdumpsim.scenarios;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * No package cycles in the scenarios module (issue 12, house rules), checked on the bytecode, so a
 * dependency through a method signature, a field type or a fully qualified name counts as much as
 * an import. Every package is one slice, and so is the root package: the usual
 * {@code slices().matching("dev.kdumpsim.scenarios.(**)")} leaves out classes that sit in
 * {@code dev.kdumpsim.scenarios} itself, which is where this module's cycles used to run through.
 */
class PackageCyclesTest {

    private static final String ROOT = "dev.kdumpsim.scenarios";

    /** Each package its own slice, the root one named "(root)"; classes outside the module are not sliced. */
    private static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String p = c.getPackageName();
            if (p.equals(ROOT)) {
                return SliceIdentifier.of("(root)");
            }
            return p.startsWith(ROOT + ".") ? SliceIdentifier.of(p.substring(ROOT.length() + 1)) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages of " + ROOT + ", its root package included";
        }
    };

    @Test
    void noPackageOfTheModuleTakesPartInACycle() {
        slices().assignedFrom(PACKAGES).should().beFreeOfCycles()
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages(ROOT));
    }
}
