-- wrk script for tests/hardening/swap_load_test.cc: requests the paths given
-- after `--` in turn (half of them asking for gzip, as browsers do) and
-- counts every answer that is not a whole 200:
--   status   any status but 200 (wrk itself counts only >= 400)
--   short    a 200 whose body is not as long as its Content-Length, or an
--            uncompressed HTML page that does not end with </html>
-- (A thread's connections answer out of order, so each answer is judged by
-- its own headers, not by the path last asked for.)
-- and prints one line the test reads:
--   swap-load: requests=N status=N short=N connect=N read=N write=N timeout=N rps=N
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  paths = args
  i = 0
  bad_status = 0
  short = 0
  statuses = ""
  -- One request per path and encoding, built once.
  reqs = {}
  for _, p in ipairs(paths) do
    table.insert(reqs, wrk.format("GET", p))
    table.insert(reqs, wrk.format("GET", p, {["Accept-Encoding"] = "gzip"}))
  end
end

function request()
  i = i % #reqs + 1
  return reqs[i]
end

function response(status, headers, body)
  if status ~= 200 then
    bad_status = bad_status + 1
    if #statuses < 100 then statuses = statuses .. " " .. status end
    return
  end
  local len = tonumber(headers["Content-Length"])
  if len ~= nil and len ~= #body then
    short = short + 1
    return
  end
  local type = headers["Content-Type"] or ""
  if type:find("^text/html") and headers["Content-Encoding"] == nil and not body:find("</html>%s*$") then
    short = short + 1
  end
end

function done(summary, latency, requests)
  local status, shorts, seen = 0, 0, ""
  for _, t in ipairs(threads) do
    status = status + t:get("bad_status")
    shorts = shorts + t:get("short")
    seen = seen .. t:get("statuses")
  end
  local e = summary.errors
  io.write(string.format(
    "swap-load: requests=%d status=%d short=%d connect=%d read=%d write=%d timeout=%d rps=%.0f\n",
    summary.requests, status, shorts, e.connect, e.read, e.write, e.timeout,
    summary.requests / (summary.duration / 1e6)))
  if #seen > 0 then io.write("swap-load: statuses seen:" .. seen .. "\n") end
end
