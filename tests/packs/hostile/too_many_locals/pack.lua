-- Hostile: a generated chunk with 250 locals (the parser's limit is 200).
local src = {}
for i = 1, 250 do src[#src + 1] = "local v" .. i .. " = " .. i end
local f, err = load(table.concat(src, "\n"), "=generated")
error(err, 0)
