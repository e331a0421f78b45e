-- Hostile: fifo.lua is a named pipe (the test creates it); opening it would block.
return include("fifo.lua")
