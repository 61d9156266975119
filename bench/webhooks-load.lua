-- wrk script for bench/webhooks-load.sh: replays pre-signed Stripe deliveries (one per line: signature TAB body), each
-- thread its own share, so that every request is a new, validly signed event and the generator spends no CPU on HMACs.
-- Arguments: <path> <requests file> <threads>
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  local path, file, threads = args[1], args[2], tonumber(args[3])
  requests, index, wrapped = {}, 0, 0
  local n = 0
  for line in io.lines(file) do
    if n % threads == id then
      local signature, body = line:match("^([^\t]*)\t(.*)$")
      requests[#requests + 1] = wrk.format("POST", path, { ["Stripe-Signature"] = signature, ["Content-Type"] = "application/json" }, body)
    end
    n = n + 1
  end
end

function request()
  index = index + 1
  if index > #requests then
    index, wrapped = 1, wrapped + 1
  end
  return requests[index]
end
