-- Hostile: pcall catches the memory error and the loop fills memory again; each round
-- costs 64 MiB of copying but only a few instructions.
while true do
  pcall(function() local x = "x" while true do x = x .. x end end)
end
