-- Hostile: big strings made again and again; each string.rep is one instruction.
while true do
  local s = string.rep("x", 1 << 22)
end
