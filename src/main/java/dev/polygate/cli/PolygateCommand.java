package dev.polygate.cli;

import dev.polygate.train.RunTrainer;
import java.io.PrintWriter;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.RunLast;

/**
 * {@code polygate COMMAND [OPTIONS]}: the top of the command tree, its help, and how the tree is
 * put together (one layout, one error handler and one duplicate check for every command).
 */
@Command(name = "polygate", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
        resourceBundle = HelpValues.NAME,
        header = "polygate: gated versus plain versus squared MLPs fitting x^n, with Vector API kernels.",
        customSynopsis = "polygate COMMAND [OPTIONS]     (polygate COMMAND --help lists its options)",
        footer = {
            "exit codes: 0 done; 1 internal error; 2 bad input (one line on stderr says what and what is",
            "            allowed; nothing written); 3 a sweep finished and wrote its reports, but some runs",
            "            threw (one line on stderr names them; running it again retries them)",
            "",
            "bash completion: source <(bin/polygate generate-completion)"})
final class PolygateCommand implements Runnable {
    /** Help lines wrap here: wide enough for the option tables, the same on every terminal. */
    private static final int HELP_WIDTH = 100;

    /** The sections of every command's help, in order: usage first, then what the command does. */
    private static final List<String> SECTIONS = List.of(
            UsageMessageSpec.SECTION_KEY_SYNOPSIS_HEADING, UsageMessageSpec.SECTION_KEY_SYNOPSIS,
            UsageMessageSpec.SECTION_KEY_HEADER_HEADING, UsageMessageSpec.SECTION_KEY_HEADER,
            UsageMessageSpec.SECTION_KEY_DESCRIPTION_HEADING, UsageMessageSpec.SECTION_KEY_DESCRIPTION,
            UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING, UsageMessageSpec.SECTION_KEY_OPTION_LIST,
            UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING, UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
            UsageMessageSpec.SECTION_KEY_FOOTER_HEADING, UsageMessageSpec.SECTION_KEY_FOOTER);

    /** Only reached with options alone (none given is handled by Main): nothing to do. */
    @Override
    public void run() {
    }

    /** The whole command tree, reading and writing through {@code io}, each sweep run trained by {@code trainer}. */
    static CommandLine commandLine(Streams io, RunTrainer trainer) {
        CommandLine top = new CommandLine(new PolygateCommand());
        top.addSubcommand(new SweepCommand(io, trainer));
        top.addSubcommand(new EquivalenceCommand(io));
        top.addSubcommand(new ScalingCommand(io));
        top.addSubcommand(new ReportCommand(io));
        top.addSubcommand(new MergeCommand(io));
        top.addSubcommand(new TrainCommand(io));
        top.addSubcommand(new PredictCommand(io));
        top.addSubcommand(new ThroughputCommand(io));
        CommandLine jdkReport = new CommandLine(new JdkReportCommand(io));
        JdkReportCommand.SIDES.forEach(side -> side.addTo(jdkReport.getCommandSpec()));
        top.addSubcommand(jdkReport);
        top.addSubcommand(new PeerReportCommand(io));
        top.addSubcommand("help", new CommandLine.HelpCommand());
        CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
        completion.getCommandSpec().usageMessage().hidden(true);   // for set-up, not for work: not listed
        top.addSubcommand("generate-completion", completion);
        layOut(top);

        OneLineErrors errors = new OneLineErrors(io.err());
        top.setOut(new PrintWriter(io.out(), true));
        top.setErr(new PrintWriter(io.err(), true));
        // A misspelt option where a value belongs is an error, not the value (--out --qiuet).
        top.setUnmatchedOptionsAllowedAsOptionParameters(false);
        top.setParameterExceptionHandler(errors);
        top.setExecutionExceptionHandler(errors);
        top.setExecutionStrategy(parsed -> {
            DistinctValues.check(parsed);
            return new RunLast().execute(parsed);
        });
        return top;
    }

    /** The same help layout for a command and every command below it. */
    private static void layOut(CommandLine command) {
        command.setHelpSectionKeys(SECTIONS);
        command.getCommandSpec().resourceBundleBaseName(HelpValues.NAME);
        UsageMessageSpec usage = command.getCommandSpec().usageMessage();
        usage.width(HELP_WIDTH).sortOptions(false).synopsisHeading("usage: ").headerHeading("%n")
                .descriptionHeading("%n").optionListHeading("options:%n").commandListHeading("%ncommands:%n")
                .footerHeading("%n");
        if (usage.customSynopsis().length == 0) {
            usage.abbreviateSynopsis(true);
        }
        command.getSubcommands().values().forEach(PolygateCommand::layOut);
    }
}
