package org.npsloop.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceRule;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.npsloop.platform.worker.PeriodicWorker;

/** The module boundaries of ARCHITECTURE.md: dependencies point inward, internals stay inside. */
@AnalyzeClasses(packages = "org.npsloop", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {

    @ArchTest
    static final ArchRule modulesHaveNoCycles = slices().matching("org.npsloop.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule domainDependsOnNoOtherModule = noClasses().that().resideInAPackage("org.npsloop.domain..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("org.npsloop.platform..", "org.npsloop.campaigns..", "org.npsloop.reporting..", "org.npsloop.web..");

    @ArchTest
    static final ArchRule platformDependsOnDomainOnly = noClasses().that().resideInAPackage("org.npsloop.platform..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("org.npsloop.campaigns..", "org.npsloop.reporting..", "org.npsloop.web..");

    @ArchTest
    static final ArchRule campaignsDependOnDomainAndPlatformOnly = noClasses().that().resideInAPackage("org.npsloop.campaigns..")
            .should().dependOnClassesThat().resideInAnyPackage("org.npsloop.reporting..", "org.npsloop.web..");

    @ArchTest
    static final ArchRule reportingDependsOnDomainAndPlatformOnly = noClasses().that().resideInAPackage("org.npsloop.reporting..")
            .should().dependOnClassesThat().resideInAnyPackage("org.npsloop.campaigns..", "org.npsloop.web..");

    @ArchTest
    static final ArchRule domainIsFreeOfPresentationAndMail = noClasses().that().resideInAPackage("org.npsloop.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.faces..", "jakarta.ws.rs..", "jakarta.mail..",
                    "freemarker..", "org.primefaces..", "org.omnifaces..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule campaignSubDomainsHaveNoCycles = cyclesBetweenSubDomainsOf("campaigns");

    @ArchTest
    static final ArchRule reportingSubDomainsHaveNoCycles = cyclesBetweenSubDomainsOf("reporting");

    @ArchTest
    static final ArchRule webFeaturesHaveNoCycles = cyclesBetweenSubDomainsOf("web");

    /** A sub-domain's internal is its own: neighbours, other modules and its own API go through the API. */
    @ArchTest
    static final ArchRule internalsStayInsideTheirSubDomain = classes().should(useNoInternalOfAnotherSubDomain());

    @ArchTest
    static final ArchRule everyApiResourceIsRoleChecked = classes().that().areAnnotatedWith(Path.class)
            .should().beAnnotatedWith(RolesAllowed.class).orShould().beAnnotatedWith(PermitAll.class)
            .because("/api/* has no servlet security constraint: each resource says who may call it");

    /**
     * A module's API speaks in records, enums and values: a JPA entity (or a type nested in one) handed out could be
     * changed or lazily loaded outside its transaction, and would tie every caller to the mapping.
     */
    @ArchTest
    static final ArchRule apisExposeNoEntity = classes().that().resideInAnyPackage("org.npsloop.campaigns..",
            "org.npsloop.reporting..").and().resideOutsideOfPackage("..internal..").and().arePublic()
            .should(exposeNoEntityInPublicSignatures());

    /** The container's default scheduled executor has one thread: a worker on it would wait for every other one's rounds. */
    @ArchTest
    static final ArchRule workersRunOnTheirOwnScheduler = fields().that().haveRawType(ManagedScheduledExecutorService.class)
            .should(new ArchCondition<>("be injected from " + PeriodicWorker.SCHEDULER) {
                @Override
                public void check(JavaField field, ConditionEvents events) {
                    boolean workers = field.tryGetAnnotationOfType(Resource.class)
                            .map(resource -> PeriodicWorker.SCHEDULER.equals(resource.lookup())).orElse(false);
                    if (!workers) {
                        events.add(SimpleConditionEvent.violated(field, field.getFullName() + " is not @Resource(lookup = "
                                + "PeriodicWorker.SCHEDULER) in " + field.getSourceCodeLocation()));
                    }
                }
            });

    private static SliceRule cyclesBetweenSubDomainsOf(String module) {
        return slices().matching("org.npsloop." + module + ".(*)..").namingSlices(module + ".$1").should().beFreeOfCycles();
    }

    static ArchCondition<JavaClass> exposeNoEntityInPublicSignatures() {
        return new ArchCondition<>("expose no @Entity type in a public method or constructor") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (JavaCodeUnit unit : origin.getCodeUnits()) {
                    if (!unit.getModifiers().contains(JavaModifier.PUBLIC) || unit.getModifiers().contains(JavaModifier.SYNTHETIC)) {
                        continue;
                    }
                    List<JavaType> types = new ArrayList<>(unit.getParameterTypes());
                    types.add(unit.getReturnType());
                    types.stream().flatMap(type -> type.getAllInvolvedRawTypes().stream()).filter(ModuleRulesTest::isEntity)
                            .distinct().forEach(entity -> events.add(SimpleConditionEvent.violated(unit,
                                    unit.getFullName() + " exposes " + entity.getName() + " in " + unit.getSourceCodeLocation())));
                }
            }
        };
    }

    /** An entity, or a type declared inside one (its nested records belong to the mapping too). */
    private static boolean isEntity(JavaClass type) {
        for (Optional<JavaClass> c = Optional.of(type); c.isPresent(); c = c.get().getEnclosingClass()) {
            if (c.get().isAnnotatedWith(Entity.class)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The owner of {@code a.b.internal.c} is {@code a.b}: only classes of {@code a.b.internal..} may use it
     * (the API at {@code a.b} may not either, so that what the API promises never hides an implementation).
     */
    private static ArchCondition<JavaClass> useNoInternalOfAnotherSubDomain() {
        return new ArchCondition<>("use no internal package of another sub-domain") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getPackageName();
                    int internal = target.indexOf(".internal");
                    if (internal < 0 || !target.startsWith("org.npsloop.")) {
                        continue;
                    }
                    String inside = target.substring(0, internal + ".internal".length());
                    String from = origin.getPackageName();
                    if (!(from.equals(inside) || from.startsWith(inside + "."))) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
