-- Hostile: 100 000 sources; a pack may name at most 256.
local sources = {}
for i = 1, 100000 do sources["s" .. i] = { publisher = "P", title = "T" } end
return {
  id = "sources-flood",
  title = "x",
  version = "1",
  sources = sources,
  questions = {},
}
