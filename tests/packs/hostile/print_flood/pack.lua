-- Hostile: floods the host's output through print (which does not exist in the sandbox).
for i = 1, 1e7 do
  print(string.rep("x", 1e6))
end
