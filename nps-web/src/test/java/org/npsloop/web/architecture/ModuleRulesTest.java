package org.npsloop.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;

/** The module boundaries of ARCHITECTURE.md: dependencies point inward, internals stay inside. */
@AnalyzeClasses(packages = "org.npsloop", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {

    @ArchTest
    static final ArchRule modulesHaveNoCycles = slices().matching("org.npsloop.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule domainDependsOnNoOtherModule = noClasses().that().resideInAPackage("org.npsloop.domain..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("org.npsloop.campaigns..", "org.npsloop.reporting..", "org.npsloop.web..");

    @ArchTest
    static final ArchRule campaignsDependOnDomainOnly = noClasses().that().resideInAPackage("org.npsloop.campaigns..")
            .should().dependOnClassesThat().resideInAnyPackage("org.npsloop.reporting..", "org.npsloop.web..");

    @ArchTest
    static final ArchRule reportingDependsOnDomainOnly = noClasses().that().resideInAPackage("org.npsloop.reporting..")
            .should().dependOnClassesThat().resideInAnyPackage("org.npsloop.campaigns..", "org.npsloop.web..");

    @ArchTest
    static final ArchRule domainIsFreeOfPresentationAndMail = noClasses().that().resideInAPackage("org.npsloop.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.faces..", "jakarta.ws.rs..", "jakarta.mail..",
                    "freemarker..", "org.primefaces..", "org.omnifaces..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule campaignInternalsStayInside = internalsOf("campaigns");

    @ArchTest
    static final ArchRule reportingInternalsStayInside = internalsOf("reporting");

    @ArchTest
    static final ArchRule domainInternalsStayInside = internalsOf("domain");

    @ArchTest
    static final ArchRule everyApiResourceIsRoleChecked = classes().that().areAnnotatedWith(Path.class)
            .should().beAnnotatedWith(RolesAllowed.class).orShould().beAnnotatedWith(PermitAll.class)
            .because("/api/* has no servlet security constraint: each resource says who may call it");

    private static ArchRule internalsOf(String module) {
        return noClasses().that().resideOutsideOfPackage("org.npsloop." + module + "..")
                .should().dependOnClassesThat().resideInAPackage("org.npsloop." + module + ".internal..")
                .allowEmptyShould(true);
    }
}
