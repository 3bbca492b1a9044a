package dev.tunesmith.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.util.Set;

/**
 * The dependency direction of {@code src/docs/ARCHITECTURE.md}, enforced on the compiled classes:
 * entry points → adapters → features → pure cores and platform, no cycles between top-level
 * packages, pure cores free of Vert.x, SQL and LangChain4j, and SQL in one place per feature: route and
 * tool classes never touch the SQL client, and statements run only in a feature's repository classes.
 */
class ArchitectureTest {

    /** Where statements may run: a feature's repository classes, by name, and {@code platform.db}. */
    private static final DescribedPredicate<JavaClass> SQL_HOME = DescribedPredicate.describe(
            "a *Repository, *Queries, *Store, *Registry or *Log class, or platform.db",
            c -> c.getPackageName().startsWith("dev.tunesmith.platform.db") || nameOf(c).matches(".*(Repository|Queries|Store|Registry|Log)"));

    /**
     * Classes that still run their own SQL (issue 9, step 8 left them as they were): the job queue, the
     * recommender's model load/store/activate, the catalogue importers and the cluster's shared rate
     * limit. Moving one into a repository removes it from here; nothing may be added.
     */
    private static final Set<String> SQL_NOT_YET_MOVED = Set.of(
            "dev.tunesmith.jobs.JobService", "dev.tunesmith.jobs.WorkQueue",
            "dev.tunesmith.recommend.service.RecommenderService",
            "dev.tunesmith.catalog.CatalogImportService", "dev.tunesmith.catalog.importer.CatalogWriter",
            "dev.tunesmith.catalog.importer.LastfmImporter",
            "dev.tunesmith.chat.SharedRateLimit");

    private static final Set<String> STATEMENTS = Set.of("query", "preparedQuery", "withTransaction", "withConnection", "getConnection");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tunesmith");
    }

    @Test
    void should_have_no_cycles_between_top_level_packages() {
        slices().matching("dev.tunesmith.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void should_keep_the_recommendation_core_pure() {
        noClasses().that().resideInAPackage("dev.tunesmith.recommend..")
                .and().resideOutsideOfPackage("dev.tunesmith.recommend.service..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "java.sql..", "javax.sql..", "dev.langchain4j..",
                        "io.netty..", "org.flywaydb..")
                .orShould().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe("Tunesmith code outside the core",
                        c -> c.getPackageName().startsWith("dev.tunesmith.") && !c.getPackageName().startsWith("dev.tunesmith.recommend")
                                || c.getPackageName().startsWith("dev.tunesmith.recommend.service")))
                .check(classes);
    }

    @Test
    void should_keep_the_music_core_pure() {
        noClasses().that().resideInAPackage("dev.tunesmith.music..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "java.sql..", "javax.sql..", "dev.langchain4j..",
                        "io.netty..", "org.flywaydb..")
                .orShould().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe("Tunesmith code outside the core",
                        c -> c.getPackageName().startsWith("dev.tunesmith.") && !c.getPackageName().startsWith("dev.tunesmith.music")))
                .check(classes);
    }

    @Test
    void should_point_dependencies_from_entry_points_to_cores() {
        layeredArchitecture().consideringOnlyDependenciesInAnyPackage("dev.tunesmith..")
                .layer("Entry").definedBy("dev.tunesmith", "dev.tunesmith.app..", "dev.tunesmith.cli..")
                .layer("Adapters").definedBy("dev.tunesmith.admin..", "dev.tunesmith.agent..", "dev.tunesmith.chat..",
                        "dev.tunesmith.jobs..")
                .layer("Features").definedBy("dev.tunesmith.auth..", "dev.tunesmith.catalog..", "dev.tunesmith.events..",
                        "dev.tunesmith.recommend.service..", "dev.tunesmith.playlist..", "dev.tunesmith.create..",
                        "dev.tunesmith.conversation..", "dev.tunesmith.library..", "dev.tunesmith.privacy..")
                .layer("Platform").definedBy("dev.tunesmith.platform..", "dev.tunesmith.config..")
                .layer("Cores").definedBy("dev.tunesmith.music..", "dev.tunesmith.recommend", "dev.tunesmith.recommend.data..",
                        "dev.tunesmith.recommend.eval..", "dev.tunesmith.recommend.model..", "dev.tunesmith.recommend.mood..",
                        "dev.tunesmith.recommend.rerank..", "dev.tunesmith.recommend.engine..", "dev.tunesmith.recommend.audio..",
                        "dev.tunesmith.recommend.constraint..")
                .whereLayer("Entry").mayNotBeAccessedByAnyLayer()
                .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Entry")
                .whereLayer("Features").mayOnlyBeAccessedByLayers("Entry", "Adapters")
                .whereLayer("Platform").mayOnlyBeAccessedByLayers("Entry", "Adapters", "Features")
                .whereLayer("Cores").mayOnlyBeAccessedByLayers("Entry", "Adapters", "Features", "Platform")
                .check(classes);
    }

    @Test
    void should_keep_the_sql_client_out_of_routes_and_tools() {
        noClasses().that().haveSimpleNameEndingWith("Routes").or().haveSimpleNameEndingWith("Tools")
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx.sqlclient..", "io.vertx.pgclient..", "java.sql..")
                .because("routes and tools parse input, call services and map records to JSON; SQL lives in the features' repositories")
                .check(classes);
    }

    @Test
    void should_run_sql_only_in_repositories() {
        noClasses().that(DescribedPredicate.not(SQL_HOME)).and(DescribedPredicate.describe("not listed as not yet moved",
                        c -> !SQL_NOT_YET_MOVED.contains(outerOf(c).getName())))
                .should().callMethodWhere(DescribedPredicate.describe("a statement on io.vertx.sqlclient",
                        (JavaMethodCall call) -> call.getTargetOwner().getPackageName().startsWith("io.vertx.sqlclient")
                                && STATEMENTS.contains(call.getName())))
                .because("SQL has one place per feature (src/docs/ARCHITECTURE.md)")
                .check(classes);
    }

    @Test
    void should_keep_the_list_of_classes_with_stray_sql_current() {
        // a class on the list that no longer runs SQL (or no longer exists) must leave the list
        for (String name : SQL_NOT_YET_MOVED) {
            JavaClass c = classes.get(name);
            boolean runsSql = c.getMethodCallsFromSelf().stream().anyMatch(call -> call.getTargetOwner().getPackageName()
                    .startsWith("io.vertx.sqlclient") && STATEMENTS.contains(call.getName()))
                    || classes.stream().filter(inner -> outerOf(inner).equals(c) && !inner.equals(c))
                            .anyMatch(inner -> inner.getMethodCallsFromSelf().stream().anyMatch(call -> call.getTargetOwner().getPackageName()
                                    .startsWith("io.vertx.sqlclient") && STATEMENTS.contains(call.getName())));
            org.junit.jupiter.api.Assertions.assertTrue(runsSql, name + " runs no SQL any more: take it off SQL_NOT_YET_MOVED");
        }
    }

    /** The simple name of the top-level class (a nested or anonymous class counts as its outer class). */
    private static String nameOf(JavaClass c) {
        return outerOf(c).getSimpleName();
    }

    private static JavaClass outerOf(JavaClass c) {
        JavaClass outer = c;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }
}
