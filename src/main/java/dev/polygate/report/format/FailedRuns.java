package dev.polygate.report.format;

import dev.polygate.experiment.SweepResult;
import dev.polygate.train.TrainingResult;
import java.util.List;

/**
 * The section every sweep report ends its results with when runs threw: which runs, and what
 * they threw. Failed runs have no MSE, so every statistic leaves them out, as it does diverged runs;
 * this section is where a reader learns that they are missing, and why.
 */
public final class FailedRuns {
    private FailedRuns() {
    }

    /** A markdown section listing the failed runs of {@code result}; empty text when none failed. */
    public static String section(SweepResult result) {
        List<TrainingResult> failed = result.runs().stream().filter(TrainingResult::failed).toList();
        if (failed.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("## Failed runs\n\n");
        md.append(failed.size()).append(" of ").append(result.runs().size())
                .append(" runs threw instead of finishing (a bug, or memory the run could not get). They have no")
                .append(" MSE and are left out of every table and statistic above; re-run one with")
                .append(" `polygate train` and the flags in its id to see the error again.\n\n");
        MarkdownTable table = new MarkdownTable("run", "error");
        failed.forEach(run -> table.row(run.spec().id(), run.failure()));
        return md.append(table.render()).append('\n').toString();
    }
}
