-- wrk reporter for scripts/http-bench.sh: one machine-readable line with requests/s and latency percentiles.
-- wrk's own --latency output stops at 50/75/90/99; p95 comes from the same histogram here.
done = function(summary, latency, requests)
    local seconds = summary.duration / 1e6
    local e = summary.errors
    io.write(string.format(
        "PWBENCH requests=%d seconds=%.3f rps=%.3f p50_ms=%.3f p95_ms=%.3f p99_ms=%.3f max_ms=%.3f bytes=%d non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
        summary.requests, seconds, summary.requests / seconds,
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
        summary.bytes, e.status, e.connect, e.read, e.write, e.timeout))
end
