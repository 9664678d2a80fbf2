-- wrk script of the benchmark (bench/measure.py runs it).
-- GET by default, accepting gzip as browsers do; wrk then sends one prepared request
-- over and over (no Lua per request, so the client costs as little as without a script).
-- With BENCH_SESSIONS set (a file of "sessionid csrftoken" lines, one live-mode guest
-- each), every request posts a new contribution as the next guest.
-- At the end it prints one line "WRK_JSON {...}" with the numbers measure.py reads.

local counter = 0
local sessions = nil
local threads = {}

wrk.headers["Accept-Encoding"] = "gzip, deflate, br"

setup = function(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

init = function(args)
  local path = os.getenv("BENCH_SESSIONS")
  if path and path ~= "" then
    sessions = {}
    for line in io.lines(path) do
      local sid, csrf = line:match("(%S+)%s+(%S+)")
      if sid then table.insert(sessions, {sid, csrf}) end
    end
  end
end

-- Defined only for posting: without a request() function wrk sends its static request.
local sessions_file = os.getenv("BENCH_SESSIONS")
if sessions_file and sessions_file ~= "" then
  request = function()
    counter = counter + 1
    local s = sessions[(counter + id * 7919) % #sessions + 1]
    local key = string.format("wrk-%d-%d", id, counter)
    local body = "text=Bewoners+werken+samen+aan+de+wijk+" .. key .. "&submission_key=" .. key ..
      "&csrfmiddlewaretoken=" .. s[2]
    local headers = {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["Cookie"] = "sessionid=" .. s[1] .. "; csrftoken=" .. s[2],
    }
    return wrk.format("POST", wrk.path, headers, body)
  end
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "connect_errors": %d, "read_errors": %d, ' ..
    '"write_errors": %d, "status_errors": %d, "timeouts": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, ' ..
    '"mean_us": %.1f, "max_us": %d}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.mean, latency.max))
end
