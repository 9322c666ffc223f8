/**
 * The BLAS under PyTorch, as the peer report (report.peer) states it and the throughput report
 * (report.throughput) repeats it: {@link dev.polygate.report.blas.OpenBlasCore}, which of
 * OpenBLAS's kernel sets ran and the instruction set they use. Its own package because both
 * reports need it and report.throughput cannot call report.peer.
 */
package dev.polygate.report.blas;
