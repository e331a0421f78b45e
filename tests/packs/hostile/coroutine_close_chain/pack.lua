-- Hostile: __close handlers that each close the previous coroutine. Lua 5.4.4 starts
-- every close with a fresh C-call count, so 20 000 of them overflow the C stack.
local prev, first
for i = 1, 20000 do
  local p = prev
  local co = coroutine.create(function()
    local x <close> = setmetatable({}, { __close = function()
      if p then local ok, err = coroutine.close(p); first = first or err end
    end })
    coroutine.yield()
  end)
  coroutine.resume(co)
  prev = co
end
coroutine.close(prev)
error(first, 0)
