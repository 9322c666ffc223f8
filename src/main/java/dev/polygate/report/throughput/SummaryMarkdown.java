package dev.polygate.report.throughput;

import dev.polygate.report.format.MarkdownTable;

import dev.polygate.model.Activation;
import dev.polygate.report.accuracy.CellStats;
import dev.polygate.report.format.NumberText;
import dev.polygate.report.throughput.CostVersusAccuracy.Row;
import java.util.ArrayList;
import java.util.List;

/** summary.md: per activation and kind, what a training step costs against the accuracy it reaches. */
final class SummaryMarkdown {
    private SummaryMarkdown() {
    }

    static String render(CostVersusAccuracy summary) {
        CostVersusAccuracy.Setting setting = summary.setting();
        StringBuilder md = new StringBuilder("# What each kind buys per unit of compute\n\n");
        md.append("Accuracy: median final training MSE over ").append(summary.seeds())
                .append(summary.seeds() == 1 ? " seed" : " seeds").append(" from `").append(summary.accuracyFile())
                .append("` (").append(setting.describe()).append("). Cost: the median time of one training step ")
                .append("(forward, backward, Adam) from TrainingStepBenchmark.step at shape ").append(setting.shape())
                .append(", the same model and data size; a full run is ").append(setting.steps())
                .append(" steps of that. Diverged runs are counted, not included in the median.\n\n");
        if (!summary.otherSettings().isEmpty()) {
            md.append("The sweep also ran ").append(summary.otherSettings().size())
                    .append(summary.otherSettings().size() == 1 ? " other setting" : " other settings")
                    .append(", left out here: the benchmarks time shape ").append(setting.shape()).append(".\n\n");
        }
        List<String> columns = new ArrayList<>(List.of("activation", "kind", "parameters>", "time/step>",
                "full run (ms)>"));
        summary.degrees().forEach(n -> columns.add("MSE " + n.prose() + ">"));
        MarkdownTable t = new MarkdownTable(columns.toArray(String[]::new));
        for (Row row : summary.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.activation().cliName(), row.kind().cliName(),
                    String.valueOf(row.parameters()),
                    row.step().isPresent() ? NumberText.nanoseconds(row.nsPerStep()) : "not measured",
                    row.step().isPresent() ? NumberText.threeDigits(summary.runMilliseconds(row)) : "—"));
            summary.degrees().forEach(n -> cells.add(mseCell(row.finalMse().get(n))));
            t.row(cells.toArray(String[]::new));
        }
        md.append(t.render()).append('\n');
        for (Activation activation : summary.activations()) {
            md.append("- ").append(summary.sentence(activation)).append('\n');
        }
        md.append("\n![Cost per training step against median final MSE](").append(ThroughputReport.SUMMARY_PNG)
                .append(")\n\n");
        md.append("`").append(ThroughputReport.SUMMARY_PNG).append("`: one panel per activation, log-log; x = time ")
                .append("of one training step, y = median final MSE; colour = kind (plain blue, squared orange, gated ")
                .append("green), marker shape = degree n. Kinds without a measured step or with every seed diverged ")
                .append("are not drawn.\n");
        return md.toString();
    }

    /** "1.23e-03", "1.23e-03 (1 diverged)", "all 5 diverged" or "—" for a cell with no runs. */
    private static String mseCell(CellStats cell) {
        if (cell.runs() == 0) {
            return "—";
        }
        if (!cell.hasFinished()) {
            return "all " + cell.runs() + " diverged";
        }
        String text = NumberText.loss(cell.median());
        return cell.diverged() == 0 ? text : text + " (" + cell.diverged() + " diverged)";
    }
}
