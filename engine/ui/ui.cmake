# The desktop front end: drawing, scenes and the game loop's state. Uses the core and
# the plugin host (data only), never Lua.
add_library(tv_ui STATIC
  ${CMAKE_CURRENT_SOURCE_DIR}/ui/gfx.c
  ${CMAKE_CURRENT_SOURCE_DIR}/ui/game.c
  ${CMAKE_CURRENT_SOURCE_DIR}/ui/widgets.c
  ${CMAKE_CURRENT_SOURCE_DIR}/ui/input.c
  ${CMAKE_CURRENT_SOURCE_DIR}/ui/flow.c
  ${CMAKE_CURRENT_SOURCE_DIR}/ui/round_view.c
  ${CMAKE_CURRENT_SOURCE_DIR}/ui/scene_title.c
  ${CMAKE_CURRENT_SOURCE_DIR}/ui/scene_packs.c
  ${CMAKE_CURRENT_SOURCE_DIR}/ui/scene_players.c
  ${CMAKE_CURRENT_SOURCE_DIR}/ui/scene_settings.c
  ${CMAKE_CURRENT_SOURCE_DIR}/ui/scene_turn.c
  ${CMAKE_CURRENT_SOURCE_DIR}/ui/scene_question.c
  ${CMAKE_CURRENT_SOURCE_DIR}/ui/scene_reveal.c
  ${CMAKE_CURRENT_SOURCE_DIR}/ui/scene_results.c
  ${CMAKE_CURRENT_SOURCE_DIR}/ui/entry.c
  ${CMAKE_CURRENT_SOURCE_DIR}/ui/game_test.c) # test-only hooks (game_test.h)
target_include_directories(tv_ui PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/ui)
target_link_libraries(tv_ui PUBLIC tv_ui_i18n tv_ui_prefs tv_ui_audio tv_plugin
  PkgConfig::SDL2 PkgConfig::SDL2_TTF PkgConfig::FONTCONFIG m)

target_sources(trivium PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/app/play_setup.c ${CMAKE_CURRENT_SOURCE_DIR}/app/cmd_play.c
  ${CMAKE_CURRENT_SOURCE_DIR}/app/cmd_screenshot.c ${CMAKE_CURRENT_SOURCE_DIR}/app/cmd_flags.c)
target_link_libraries(trivium PRIVATE tv_ui)
# SDL2_image is loaded by `trivium screenshot` when it writes a PNG, not linked: its
# codecs (TIFF, WebP, JPEG, and libstdc++ through them) added about 7 ms to every start
# of the game and of `trivium headless`. (pkg-config still checks it is installed.)
target_compile_definitions(trivium PRIVATE
  TRIVIUM_SOURCE_ASSETS="${CMAKE_SOURCE_DIR}/assets"
  TRIVIUM_SHARE_ASSETS="${CMAKE_INSTALL_FULL_DATADIR}/trivium/assets")
install(DIRECTORY ${CMAKE_SOURCE_DIR}/assets/ DESTINATION ${CMAKE_INSTALL_DATADIR}/trivium/assets)

# The benchmark floor: the same question screen with no engine (scripts/bench).
add_executable(bench_floor ${CMAKE_SOURCE_DIR}/bench/floor.c)
target_link_libraries(bench_floor PRIVATE PkgConfig::SDL2 PkgConfig::SDL2_TTF)
set_target_properties(bench_floor PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})

# A freedesktop menu entry and icon, so the installed game shows up like any other.
install(FILES ${CMAKE_SOURCE_DIR}/assets/trivium.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_SOURCE_DIR}/assets/icons/trivium.svg
  DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${CMAKE_SOURCE_DIR}/README.md ${CMAKE_SOURCE_DIR}/docs/pack-api.md ${CMAKE_SOURCE_DIR}/docs/scoring.md
  ${CMAKE_SOURCE_DIR}/docs/architecture.md ${CMAKE_SOURCE_DIR}/docs/trivium.d.lua DESTINATION ${CMAKE_INSTALL_DOCDIR})
