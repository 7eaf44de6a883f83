-- wrk script: requests the paths listed in a file (one per line) in turn, so that every
-- request of a cycle asks for something else and no cache can answer it.
--   wrk ... -s bench/paths.lua -- FILE
local paths = {}
local next_path = 1

function init(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  -- Threads start at different places in the cycle.
  next_path = math.random(#paths)
end

function request()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end
