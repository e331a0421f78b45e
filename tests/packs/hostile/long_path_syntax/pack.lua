-- Hostile setting: like long_path_runtime, with a syntax error in an included file.
return include("broken.lua")
