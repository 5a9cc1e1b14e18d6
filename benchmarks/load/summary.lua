-- wrk prints a human summary; this adds one JSON line that benchmarks/load/result.py reads.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "errors": %d, "seconds": %.6f, "p50_ms": %.3f, "p99_ms": %.3f}\n',
    summary.requests, e.connect + e.read + e.write + e.status + e.timeout, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
