-- Hostile: pcall catches the budget error and loops again; the hook must fire again at once.
while true do
  pcall(function() while true do end end)
end
