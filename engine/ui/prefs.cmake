# Settings, high scores and question flags in the prefs folder (engine/ui/prefs.h).
# No SDL: the caller passes the folder.
add_library(tv_ui_prefs STATIC ${CMAKE_CURRENT_SOURCE_DIR}/ui/prefs.c ${CMAKE_CURRENT_SOURCE_DIR}/ui/kvtext.c
  ${CMAKE_CURRENT_SOURCE_DIR}/ui/settings.c ${CMAKE_CURRENT_SOURCE_DIR}/ui/scores.c
  ${CMAKE_CURRENT_SOURCE_DIR}/ui/flags.c)
target_include_directories(tv_ui_prefs PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/ui)
target_link_libraries(tv_ui_prefs PUBLIC tv_core tv_io)
