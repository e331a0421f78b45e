-- Hostile: error(nil), an error without a message.
local reason = nil
error(reason)
