-- Hostile: table.unpack over the whole integer range.
local all = { table.unpack({}, math.mininteger, math.maxinteger) }
