-- Hostile setting: the test copies this pack to a folder whose name holds an escape
-- sequence and a byte that is not UTF-8; messages must stay printable UTF-8.
local y = x
