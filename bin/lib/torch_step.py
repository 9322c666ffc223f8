#!/usr/bin/env python3
"""Times, in PyTorch, the training step polygate's TrainingStepBenchmark.step times in JMH.

The same model and step: input x ~ N(0, 1) (1-D), target x^3, DEPTH hidden layers of WIDTH units
(plain sigma(Wx + b), squared sigma(Wx + b)^2, gated sigma(W_g x + b_g) * (W_v x + b_v)), a linear
read-out, the mean squared error, and one full-batch forward + backward + Adam step (lr 0.01,
PyTorch's other defaults), all in float32. A gated layer is one Linear of 2*WIDTH outputs, gate
rows first, then value rows: polygate's parameter layout (model/ParameterLayout), one matrix
product per layer as there.

Timing follows JMH's average-time mode: per case, warm-up iterations, then measured iterations of
about ITERATION_SECONDS each; an iteration runs whole steps until that time has passed and gives
the mean nanoseconds per step. The Java report (polygate peer-report) takes each case's median
iteration as this process's value: one process is one round, as one JMH fork is.

The BLAS under torch is recorded as found: the shared objects mapped, and for OpenBLAS the kernel
set it runs (openblas_get_corename(), e.g. Haswell) and its configuration line. A DYNAMIC_ARCH
OpenBLAS (Debian's) picks its kernels for the CPU when it loads, unless OPENBLAS_CORETYPE names a
set; --openblas-core sets that variable before torch is imported. OpenBLAS falls back to its own
pick without a word for a name it does not know (or a core its build left out), so after the import
the core it runs is checked against the one asked for, from the option or the environment.

Writes one JSON object (see write_result) to --out, atomically (a temp file beside it, then a
rename). Run by bin/compare-torch; `/usr/bin/python3 bin/lib/torch_step.py --help` for the flags.
Exit codes: 0 done, 2 bad arguments, no torch, or an OpenBLAS core other than the one asked for
(one line on stderr).
"""
import argparse
import ctypes
import json
import os
import platform
import re
import sys
import time

ACTIVATIONS = ("relu", "silu")
KINDS = ("plain", "squared", "gated")
# The output's format tag; /2 added the OpenBLAS fields (polygate's TorchRunJson reads /1 and /2).
FORMAT = "polygate-torch-step/2"
# OpenBLAS's x86 core names are letters and digits (Haswell, SkylakeX); bin/compare-torch checks the same.
OPENBLAS_CORE_NAME = re.compile(r"[A-Za-z0-9]+\Z")


def fail(message):
    print("torch_step: " + message, file=sys.stderr)
    sys.exit(2)


def parse_shape(text):
    """SAMPLESxWIDTHxDEPTH, as the benchmark's shape parameter (bench/Shape.java)."""
    parts = text.split("x")
    if len(parts) != 3 or not all(p.isdigit() and int(p) > 0 for p in parts):
        fail("shape '%s' is not SAMPLESxWIDTHxDEPTH with three positive integers, e.g. 1000x10x1" % text)
    return tuple(int(p) for p in parts)


def parse_list(text, allowed, what):
    values = [v for v in text.split(",") if v]
    for v in values:
        if v not in allowed:
            fail("unknown %s '%s' (allowed: %s)" % (what, v, ", ".join(allowed)))
    if not values:
        fail("--%ss must name at least one" % what)
    return values


def parse_args(argv):
    p = argparse.ArgumentParser(prog="torch_step.py", description=__doc__.split("\n\n")[0])
    p.add_argument("--shapes", default="1000x10x1,4096x256x2", help="comma-separated SAMPLESxWIDTHxDEPTH")
    p.add_argument("--activations", default=",".join(ACTIVATIONS), help="relu, silu")
    p.add_argument("--kinds", default=",".join(KINDS), help="plain, squared, gated")
    p.add_argument("--threads", type=int, default=1, help="torch.set_num_threads (default 1)")
    p.add_argument("--warmup", type=int, default=3, help="warm-up iterations per case (default 3)")
    p.add_argument("--iterations", type=int, default=3, help="measured iterations per case (default 3)")
    p.add_argument("--iteration-seconds", type=float, default=0.3, help="length of one iteration (default 0.3)")
    p.add_argument("--openblas-core", metavar="NAME",
                   help="OPENBLAS_CORETYPE for torch's OpenBLAS, e.g. SkylakeX (its AVX-512 kernels); default: the "
                        "environment's OPENBLAS_CORETYPE if set, else OpenBLAS's pick for this CPU")
    p.add_argument("--check", action="store_true",
                   help="import torch, check the OpenBLAS core, run one small matrix product on it, print one line "
                        "saying which core runs, and exit: no timing")
    p.add_argument("--out", help="the JSON file to write (required unless --check)")
    a = p.parse_args(argv)
    if a.openblas_core is not None and not OPENBLAS_CORE_NAME.match(a.openblas_core):
        fail("--openblas-core must be an OpenBLAS core name of letters and digits, e.g. Haswell or SkylakeX; got '%s'"
             % a.openblas_core)
    if a.out is None and not a.check:
        fail("--out FILE is required (unless --check)")
    if a.threads < 1:
        fail("--threads must be at least 1, got %d" % a.threads)
    if a.warmup < 0 or a.iterations < 1 or not a.iteration_seconds > 0:
        fail("need --warmup >= 0, --iterations >= 1 and --iteration-seconds > 0")
    a.shapes = [(s, parse_shape(s)) for s in a.shapes.split(",") if s]
    a.activations = parse_list(a.activations, ACTIVATIONS, "activation")
    a.kinds = parse_list(a.kinds, KINDS, "kind")
    return a


class Mlp:
    """polygate's model: hidden layers as Linear maps of branches*width rows, then the read-out."""

    def __init__(self, torch, activation, kind, width, depth):
        self.act = torch.relu if activation == "relu" else torch.nn.functional.silu
        self.kind = kind
        self.width = width
        rows = (2 if kind == "gated" else 1) * width
        self.hidden = [torch.nn.Linear(1 if l == 0 else width, rows) for l in range(depth)]
        self.readout = torch.nn.Linear(width, 1)

    def parameters(self):
        for layer in self.hidden + [self.readout]:
            yield from layer.parameters()

    def __call__(self, x):
        h = x
        for layer in self.hidden:
            z = layer(h)
            if self.kind == "plain":
                h = self.act(z)
            elif self.kind == "squared":
                s = self.act(z)
                h = s * s
            else:
                h = self.act(z[:, :self.width]) * z[:, self.width:]
        return self.readout(h)


def time_case(torch, activation, kind, shape, args):
    samples, width, depth = shape
    torch.manual_seed(1)
    x = torch.randn(samples, 1)
    t = x ** 3
    model = Mlp(torch, activation, kind, width, depth)
    params = list(model.parameters())
    adam = torch.optim.Adam(params, lr=0.01)
    mse = torch.nn.functional.mse_loss

    def step():
        adam.zero_grad(set_to_none=True)
        loss = mse(model(x), t)
        loss.backward()
        adam.step()

    budget = int(args.iteration_seconds * 1e9)
    nanos = []
    for i in range(args.warmup + args.iterations):
        steps = 0
        start = time.perf_counter_ns()
        elapsed = 0
        while elapsed < budget:
            step()
            steps += 1
            elapsed = time.perf_counter_ns() - start
        if i >= args.warmup:
            nanos.append(elapsed / steps)
    return {
        "activation": activation,
        "kind": kind,
        "shape": "%dx%dx%d" % shape,
        "threads": torch.get_num_threads(),
        "parameters": sum(p.numel() for p in params),
        "nanosPerStep": nanos,
    }


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.machine()


def blas_libraries():
    """The BLAS/LAPACK shared objects this process has mapped (Debian's torch links the generic
    libblas.so.3, which the alternatives system points at OpenBLAS, BLIS or the reference BLAS)."""
    found = set()
    try:
        with open("/proc/self/maps") as f:
            for line in f:
                path = line.split()[-1] if len(line.split()) >= 6 else ""
                name = os.path.basename(path)
                if any(k in name for k in ("blas", "lapack", "mkl", "blis")):
                    found.add(os.path.realpath(path))
    except OSError:
        pass
    return sorted(found)


def c_string(lib, name):
    """What the function `char *name(void)` of lib returns, as str; None if lib lacks it or it returns NULL."""
    try:
        function = getattr(lib, name)
    except AttributeError:
        return None
    function.restype = ctypes.c_char_p
    function.argtypes = []
    value = function()
    return None if value is None else value.decode("utf-8", "replace").strip()


def openblas_core(libraries):
    """(openblas_get_corename(), openblas_get_config()) of the first of the mapped libraries that is an
    OpenBLAS with openblas_get_corename, e.g. ("Haswell", "OpenBLAS 0.3.21 ... Haswell MAX_THREADS=64");
    the config None if it lacks that function; (None, None) if no such library is mapped. Opens only the
    copy already in the process (RTLD_NOLOAD): a second copy would pick its core anew."""
    for path in libraries:
        if "openblas" not in os.path.basename(path):
            continue
        try:
            lib = ctypes.CDLL(path, mode=os.RTLD_NOLOAD | os.RTLD_LAZY)
        except OSError:
            continue
        core = c_string(lib, "openblas_get_corename")
        if core:
            return core, c_string(lib, "openblas_get_config")
    return None, None


def check_openblas(core, libraries, asked, from_option):
    """The OPENBLAS_CORETYPE that took effect: `asked` (the variable as torch was imported, or None),
    once OpenBLAS is seen to run that core (case-insensitively, as OpenBLAS matches it); None where it
    is unset, or came from the environment and no OpenBLAS is mapped (nothing it could have forced).
    Exits (2) with one line where OpenBLAS runs another core, or --openblas-core asked for one and
    there is no OpenBLAS to ask."""
    if asked is None:
        return None
    where = "--openblas-core %s" % asked if from_option else "OPENBLAS_CORETYPE=%s in the environment" % asked
    if core is None:
        if not from_option:
            return None
        fail("%s asks for OpenBLAS's %s kernels, but torch has no OpenBLAS (with openblas_get_corename) mapped; "
             "mapped: %s" % (where, asked, ", ".join(libraries) or "no BLAS library"))
    if core.lower() != asked.lower():
        fail("%s asked for OpenBLAS's %s kernels, but OpenBLAS runs its %s kernels (it falls back to its own pick "
             "for a name it does not know or a core its build left out; names: Haswell, SkylakeX, Zen, ...)%s"
             % (where, asked, core, "" if from_option else "; unset OPENBLAS_CORETYPE or pass --openblas-core NAME"))
    return asked


def openblas_line(core, coretype):
    """One line for --check: which OpenBLAS kernels run and why."""
    if core is None:
        return "no OpenBLAS mapped"
    how = "forced with OPENBLAS_CORETYPE=%s" % coretype if coretype else "chosen by OpenBLAS for this CPU"
    return "OpenBLAS core %s, %s" % (core, how)


def write_result(path, result):
    tmp = "%s.%d.tmp" % (path, os.getpid())
    try:
        with open(tmp, "w") as f:
            json.dump(result, f, indent=1)
            f.write("\n")
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def main(argv):
    args = parse_args(argv)
    # The BLAS under torch (OpenBLAS, BLIS) keeps a thread pool of its own, sized when the library
    # loads: torch.set_num_threads does not reach it, so the same count goes into the environment
    # before torch (and with it the BLAS) is imported.
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
        os.environ[var] = str(args.threads)
    # OpenBLAS reads OPENBLAS_CORETYPE once, as it loads with torch; without the option an
    # OPENBLAS_CORETYPE from the environment stays in force and is recorded as such.
    if args.openblas_core is not None:
        os.environ["OPENBLAS_CORETYPE"] = args.openblas_core
    asked = os.environ.get("OPENBLAS_CORETYPE") or None   # set but empty: a name OpenBLAS does not know, its own pick
    try:
        import torch
    except ImportError as e:
        fail("cannot import torch with %s (%s); install it: apt-get install python3-torch" % (sys.executable, e))
    # Both pools: intra-op (one op's loop) and inter-op; set before any parallel work starts.
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(args.threads)
    libraries = blas_libraries()
    core, config = openblas_core(libraries)
    coretype = check_openblas(core, libraries, asked, args.openblas_core is not None)
    if args.check:
        # One small float32 product (OpenBLAS's sgemm): OpenBLAS does not check that this CPU has
        # the instructions of a forced core, so such a core stops the process here (SIGILL), not in
        # the middle of a timed round.
        torch.mm(torch.ones(64, 64), torch.ones(64, 64))
        print(openblas_line(core, coretype))
        return
    cases = []
    for (_, shape) in args.shapes:
        for activation in args.activations:
            for kind in args.kinds:
                cases.append(time_case(torch, activation, kind, shape, args))
    write_result(args.out, {
        "format": FORMAT,
        "torchVersion": torch.__version__,
        "torchConfig": torch.__config__.show(),
        "torchThreads": torch.get_num_threads(),
        "mkldnn": bool(torch.backends.mkldnn.is_available()),
        "blasLibraries": libraries,
        "openblasCore": core,
        "openblasConfig": config,
        "openblasCoretype": coretype,
        "pythonVersion": platform.python_version(),
        "cpu": cpu_model(),
        "optimizer": "torch.optim.Adam(lr=0.01), other arguments at their defaults; zero_grad(set_to_none=True)",
        "warmupIterations": args.warmup,
        "measurementIterations": args.iterations,
        "iterationSeconds": args.iteration_seconds,
        "cases": cases,
    })


if __name__ == "__main__":
    main(sys.argv[1:])
