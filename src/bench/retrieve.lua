-- wrk script: each request a MAF Key Retrieval (TS-0003 8.8.2.8) of a key picked at random from the RelativeKeyIDs in
-- the file given after "--" (one per line), so the load spreads over every stored key the file names, never one hot key.
local ids = {}
local headers = { ["Host"] = "localhost", ["X-M2M-RI"] = "bench" }

function init(args)
  for line in io.lines(args[1]) do
    ids[#ids + 1] = line
  end
  if #ids == 0 then error("no key IDs in " .. args[1]) end
  math.randomseed(os.time())
end

function request()
  return wrk.format("GET", "/maf/symmKeyRegs/" .. ids[math.random(#ids)], headers)
end
