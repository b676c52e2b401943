-- A reader's mix for wrk: pages, the assets they load, and the search index, in proportion.
local paths = {}
for line in io.lines(os.getenv("SPIKE_PATHS")) do paths[#paths + 1] = line end
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1], { ["Accept-Encoding"] = os.getenv("SPIKE_ENCODING") or "gzip" })
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %d %.6f %d %d %d %d %d\n", summary.requests, summary.duration / 1e6, errors,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
