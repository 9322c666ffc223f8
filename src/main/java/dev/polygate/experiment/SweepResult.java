package dev.polygate.experiment;

import dev.polygate.train.TrainingResult;
import java.util.List;

/** A finished sweep: its grid, every run in grid order, where and how long it ran. */
public record SweepResult(Grid grid, List<TrainingResult> runs, Environment environment, int threads,
                          double wallSeconds) {
}
