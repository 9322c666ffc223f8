package dev.polygate.cli;

import dev.polygate.experiment.Sizing;
import dev.polygate.model.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** How big each kind's model is, and what is held equal across kinds: --width, --match, --budgets. */
final class SizingOptions {
    /** The command these options are mixed into, for its name in a refusal. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--width", paramLabel = "W", split = ",", converter = Converters.Width.class,
            description = "hidden units per layer, each in 1.." + ModelSpec.MAX_WIDTH + " (default: ${DEFAULT-VALUE})")
    List<Integer> widths;

    @Option(names = "--match", paramLabel = "WHAT", split = ",", converter = Converters.MatchName.class,
            completionCandidates = Candidates.Matches.class,
            description = {"what is held equal across kinds, of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}):",
                "width: every kind at each --width; params, flops: each kind at the width whose parameter count, "
                        + "or training FLOPs per step, comes closest to the budget"})
    List<Sizing.Match> matches;

    @Option(names = "--budgets", paramLabel = "B", split = ",", converter = Converters.PositiveLong.class,
            description = "budgets for params / flops, integers > 0 (default: the gated model's count at each --width)")
    List<Long> budgets;

    /**
     * Equal width at each --width for "width"; for "params" / "flops" one sizing per --budgets
     * value, or, without --budgets, one per --width holding the gated model's count there.
     */
    List<Sizing> sizings() {
        if (budgets != null && matches.stream().allMatch(m -> m == Sizing.Match.WIDTH)) {
            throw new UsageException(command.name() + ": --budgets needs --match params or --match flops");
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
