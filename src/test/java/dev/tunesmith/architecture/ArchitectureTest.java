package dev.tunesmith.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency direction of {@code src/docs/ARCHITECTURE.md}, enforced on the compiled classes:
 * entry points → adapters → features → pure cores and platform, no cycles between top-level
 * packages, and pure cores free of Vert.x, SQL and LangChain4j.
 */
class ArchitectureTest {

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
}
