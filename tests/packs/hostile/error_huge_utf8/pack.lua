-- Hostile: a long message of two-byte characters, cut by the host at some byte limit.
error(string.rep("é", 5e5))
