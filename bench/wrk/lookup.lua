-- wrk script for bench/lookups.py: GET <prefix><random key> with keys read from a file.
--
-- Arguments (after `--`): KEYFILE PREFIX [timeline]
--   KEYFILE   one existing key per line (e.g. 5,000 MSISDNs of the seeded world)
--   PREFIX    path before the key, e.g. /dsc/subscribers/
--   timeline  also count completed responses per 10 ms (stall check; adds a response hook)
-- Headers given with wrk -H (episode, bearer token) go on every request.
-- `done` prints one line `WRKJSON {...}` that bench/lookups.py parses: wrk's summary, latency
-- percentiles, requests sent (so requests in flight when wrk stopped are known) and the
-- longest time without a completed response.

local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clock_id, bench_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local BUCKET_MS = 10
local ts = ffi.new("bench_timespec")

local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, ts)
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("thread_no", counter)
  table.insert(threads, thread)
end

function init(args)
  keys = {}
  for line in io.lines(args[1]) do
    if #line > 0 then
      keys[#keys + 1] = line
    end
  end
  assert(#keys > 0, "no keys in " .. tostring(args[1]))
  prefix = args[2]
  -- wrk calls request() once on the first thread to check the script: not a request sent
  sent = (thread_no == 1) and -1 or 0
  math.randomseed(1000 + (thread_no or 0))
  if args[3] == "timeline" then
    started_ms = now_ms()
    buckets = {}
    response = function(status, headers, body)
      local b = math.floor((now_ms() - started_ms) / BUCKET_MS)
      buckets[b] = (buckets[b] or 0) + 1
    end
  end
end

function request()
  sent = sent + 1
  return wrk.format(nil, prefix .. keys[math.random(#keys)])
end

function done(summary, latency, requests)
  local total_sent = 0
  local merged = {}
  local timeline = false
  for _, t in ipairs(threads) do
    total_sent = total_sent + (t:get("sent") or 0)
    local b = t:get("buckets")
    if b then
      timeline = true
      for k, v in pairs(b) do
        merged[k] = (merged[k] or 0) + v
      end
    end
  end
  local e = summary.errors
  local out = {
    string.format(
      '"requests":%d,"duration_us":%d,"bytes":%d,"sent":%d,' ..
      '"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,' ..
      '"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,"mean_us":%.1f',
      summary.requests, summary.duration, summary.bytes, total_sent,
      e.connect, e.read, e.write, e.status, e.timeout,
      latency:percentile(50), latency:percentile(90), latency:percentile(99),
      latency.max, latency.mean)
  }
  if timeline then
    -- completions per 10 ms bucket since the threads started, as [bucket, count] pairs
    local pairs_out = {}
    for k, v in pairs(merged) do
      pairs_out[#pairs_out + 1] = string.format("[%d,%d]", k, v)
    end
    out[#out + 1] = string.format('"bucket_ms":%d,"buckets":[%s]', BUCKET_MS,
      table.concat(pairs_out, ","))
  end
  io.write("WRKJSON {" .. table.concat(out, ",") .. "}\n")
end
