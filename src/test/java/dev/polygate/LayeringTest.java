package dev.polygate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The data flow of the main code as a rule on its compiled classes: model spec and parameters
 * ({@code model}) → kernels ({@code kernel}) → training ({@code train}) → experiment (grids,
 * sweeps) → reports → command line, each layer using only those before it. {@code text} (float
 * text) is used by every layer; {@code io} (model files) sits beside the experiment layer, used by
 * reports and the command line. Benchmarks (src/jmh) are not main code: nothing here may use them.
 */
@AnalyzeClasses(packages = "dev.polygate", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Text").definedBy("dev.polygate.text..")
            .layer("Spec").definedBy("dev.polygate.model..")
            .layer("Kernels").definedBy("dev.polygate.kernel..")
            .layer("Training").definedBy("dev.polygate.train..")
            .layer("Experiment").definedBy("dev.polygate.experiment..")
            .layer("ModelFiles").definedBy("dev.polygate.io..")
            .layer("Reports").definedBy("dev.polygate.report..")
            .layer("Cli").definedBy("dev.polygate.cli..")
            .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("Reports").mayOnlyBeAccessedByLayers("Cli")
            .whereLayer("ModelFiles").mayOnlyBeAccessedByLayers("Reports", "Cli")
            .whereLayer("Experiment").mayOnlyBeAccessedByLayers("Reports", "Cli")
            .whereLayer("Training").mayOnlyBeAccessedByLayers("Experiment", "Reports", "Cli")
            .whereLayer("Kernels").mayOnlyBeAccessedByLayers("Training", "Experiment", "Reports", "Cli")
            .whereLayer("Spec").mayOnlyBeAccessedByLayers("Kernels", "Training", "Experiment", "ModelFiles",
                    "Reports", "Cli");

    /** Every package of the main code, report sub-packages included, is free of import cycles. */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.polygate.(**)").should().beFreeOfCycles();

    /**
     * The shared report pieces (formatting, input, statistics, JMH files, run records) know no particular report,
     * so every report can use them and none is pulled in by another's helper.
     */
    @ArchTest
    static final ArchRule sharedReportPiecesKnowNoReport = noClasses()
            .that().resideInAnyPackage("dev.polygate.report.format..", "dev.polygate.report.input..",
                    "dev.polygate.report.stats..", "dev.polygate.report.jmh..", "dev.polygate.report.runs..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.polygate.report.accuracy..",
                    "dev.polygate.report.equivalence..", "dev.polygate.report.scaling..",
                    "dev.polygate.report.throughput..", "dev.polygate.report.jdk..");

    /** {@code report} itself only groups the reports: each class lives in the package of its report. */
    @ArchTest
    static final ArchRule reportRootHoldsNoClasses = classes().should().resideOutsideOfPackage("dev.polygate.report");

    /** The CLI jar carries no JMH: main code never uses a benchmark class or JMH. */
    @ArchTest
    static final ArchRule noBenchmarkCodeInMain = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("dev.polygate.bench..", "org.openjdk.jmh..");
}
