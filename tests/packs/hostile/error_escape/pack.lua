-- Hostile: an error message with terminal escape sequences (clear screen, retitle).
error("\27[2J\27]0;pwned\7 gotcha")
