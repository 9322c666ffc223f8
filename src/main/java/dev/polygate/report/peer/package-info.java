/**
 * The peer report: polygate's full-batch training step (JMH, TrainingStepBenchmark.step) against
 * the same step in PyTorch (bin/lib/torch_step.py) on the same machine, in alternating rounds
 * (bin/compare-torch): per case both medians with intervals, the time ratio PyTorch ÷ polygate
 * with its interval, and the issue-9 speed targets. Reads JMH files through report.jmh and its
 * own torch JSON through {@link dev.polygate.report.peer.TorchRunJson}.
 */
package dev.polygate.report.peer;
