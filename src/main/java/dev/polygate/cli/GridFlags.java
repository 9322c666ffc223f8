package dev.polygate.cli;

import dev.polygate.experiment.Sizing;
import dev.polygate.model.ModelSpec;
import java.util.ArrayList;
import java.util.List;

/** The sizing flags every sweeping command shares: --width, --match and --budgets. */
final class GridFlags {
    private GridFlags() {
    }

    /**
     * Equal width at each --width for "width"; for "params" / "flops" one sizing per --budgets
     * value, or, without --budgets, one per --width holding the gated model's count there.
     */
    static List<Sizing> sizings(Flags f, List<Integer> defaultWidths, List<Sizing.Match> defaultMatches) {
        List<Integer> widths = f.integers("width", defaultWidths, 1, ModelSpec.MAX_WIDTH);
        List<Sizing.Match> matches = f.names("match", defaultMatches, Sizing.Match::parse);
        List<Long> budgets = f.has("budgets") ? f.positiveLongs("budgets") : null;
        if (budgets != null && matches.stream().allMatch(m -> m == Sizing.Match.WIDTH)) {
            throw new UsageException(f.command() + ": --budgets needs --match params or --match flops");
        }
        List<Sizing> out = new ArrayList<>();
        for (Sizing.Match match : matches) {
            if (match == Sizing.Match.WIDTH) {
                widths.forEach(w -> out.add(Sizing.equalWidth(w)));
            } else if (budgets == null) {
                widths.forEach(w -> out.add(Sizing.likeGated(match, w)));
            } else {
                budgets.forEach(b -> out.add(Sizing.budget(match, b)));
            }
        }
        return out;
    }
}
