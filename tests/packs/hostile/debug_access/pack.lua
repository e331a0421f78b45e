-- Hostile: turns the instruction hook off through the debug library.
debug.sethook()
while true do end
