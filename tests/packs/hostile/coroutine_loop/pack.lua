-- Hostile: an endless loop inside a coroutine the pack creates.
local co = coroutine.create(function()
  while true do end
end)
local ok, err = coroutine.resume(co)
error(err, 0)
