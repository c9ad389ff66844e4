package dev.bitsandlogits;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The arrows point one way (issue #15): the book on top of the engine's preview, build and
 * Asciidoctor layers, those on the engine's parts, those on its core; the listings and widgets
 * see the library and the engine's chart records only (a widget also its chapter's listing); the
 * library sees nothing of the rest. The widget macro (Asciidoctor layer) draws the widgets.
 */
@DisplayName("Architecture")
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.bitsandlogits");
    }

    @Test
    @DisplayName("layers: book → preview → build → asciidoctor → parts → core; listings and widgets see the library and press.api")
    void layers() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Book").definedBy("dev.bitsandlogits.book..")
                .layer("Preview").definedBy("dev.bitsandlogits.press.preview..")
                .layer("Build").definedBy("dev.bitsandlogits.press.build..")
                .layer("Asciidoctor").definedBy("dev.bitsandlogits.press.asciidoctor..")
                .layer("Parts").definedBy("dev.bitsandlogits.press.snippets..", "dev.bitsandlogits.press.charts..",
                        "dev.bitsandlogits.press.math..", "dev.bitsandlogits.press.javadoc..",
                        "dev.bitsandlogits.press.checks..")
                .layer("Core").definedBy("dev.bitsandlogits.press.core..")
                .layer("EngineApi").definedBy("dev.bitsandlogits.press.api..")
                .layer("Widgets").definedBy("dev.bitsandlogits.widgets..")
                .layer("Listings").definedBy("dev.bitsandlogits.listings..")
                .layer("Library").definedBy("dev.bitsandlogits.info..", "dev.bitsandlogits.loss..")
                .layer("Internal").definedBy("dev.bitsandlogits.internal..")

                .whereLayer("Book").mayNotBeAccessedByAnyLayer()
                .whereLayer("Preview").mayOnlyBeAccessedByLayers("Book")
                .whereLayer("Build").mayOnlyBeAccessedByLayers("Book", "Preview")
                .whereLayer("Asciidoctor").mayOnlyBeAccessedByLayers("Book", "Preview", "Build")
                .whereLayer("Parts").mayOnlyBeAccessedByLayers("Book", "Preview", "Build", "Asciidoctor")
                .whereLayer("Core").mayOnlyBeAccessedByLayers("Book", "Preview", "Build", "Asciidoctor", "Parts")
                // The chart records a listing returns: all the engine the listings see.
                .whereLayer("EngineApi").mayOnlyBeAccessedByLayers("Listings", "Book", "Preview", "Build",
                        "Asciidoctor", "Parts")
                // Widgets are drawn by the widget macro (on the JVM) and compiled by TeaVM.
                .whereLayer("Widgets").mayOnlyBeAccessedByLayers("Asciidoctor")
                // A widget reuses its chapter's listing; no engine class calls a listing or the library.
                .whereLayer("Listings").mayOnlyBeAccessedByLayers("Widgets")
                .whereLayer("Library").mayOnlyBeAccessedByLayers("Listings", "Widgets")
                .whereLayer("Internal").mayOnlyBeAccessedByLayers("Library")
                .check(classes);
    }

    @Test
    @DisplayName("the engine's packages have no cycles between them")
    void engineFreeOfCycles() {
        slices().matching("dev.bitsandlogits.press.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    @DisplayName("no cycles between any of the project's packages")
    void projectFreeOfCycles() {
        slices().matching("dev.bitsandlogits.(**)").should().beFreeOfCycles().check(classes);
    }
}
