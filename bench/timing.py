"""Wall-clock timing shared by the benches: run a function n times, report in milliseconds."""
import math
import statistics
import time


def samples(fn, n):
    """Run fn n times; return its wall times in milliseconds, sorted."""
    out = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return sorted(out)


def median_p90(fn, n):
    """Return the median and the 90th percentile of fn's wall time over n runs, in milliseconds."""
    out = samples(fn, n)
    return statistics.median(out), out[max(int(len(out) * 0.9) - 1, 0)]


def percentile(values, q):
    """Return the nearest-rank q-th percentile (0 < q ≤ 100) of values."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]
