-- wrk script of bench/presence-benchmark.sh: every request carries the next user's bearer token
-- (one token per line in TOKENS_FILE; wrk thread k of T takes users k, k+T, k+2T, ...), so the
-- node checks a different user's token each time, as with many real users.
--   wrk -t2 -c16 -d30s --timeout 5s -s wrk-tokens.lua http://127.0.0.1:18080 -- METHOD PATH TOKENS_FILE
-- done() prints one JSON line: requests, seconds, non-2xx, socket errors, latency percentiles (µs).

local threads = {}

-- wrk does not tell a thread how many threads there are: every setup() updates the count of all of them
function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
  for _, t in ipairs(threads) do
    t:set("thread_count", #threads)
  end
end

function init(args)
  method, path = args[1], args[2]
  tokens = {}
  for line in io.lines(args[3]) do
    tokens[#tokens + 1] = line
  end
  sent = 0
end

-- the user of the k-th request: computed when sent, because a thread's init() may run before the
-- later threads' setup() has told it how many threads there are
function request()
  local user = (index + sent * thread_count) % #tokens + 1
  sent = sent + 1
  return wrk.format(method, path, { ["Authorization"] = "Bearer " .. tokens[user] }, "")
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"perSecond":%.1f,"non2xx":%d,"connectErrors":%d,"readErrors":%d,' ..
    '"writeErrors":%d,"timeouts":%d,"p50":%d,"p90":%d,"p99":%d,"p999":%d,"max":%d,"mean":%.1f}\n',
    summary.requests, seconds, summary.requests / seconds, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
    latency.max, latency.mean))
end
