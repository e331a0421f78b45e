# audio.cmake - the sound-effects module (engine/ui/audio.c): synthesised effects played
# through SDL's audio callback. SDL is PUBLIC so the tests can SDL_Init with a chosen driver.
add_library(tv_ui_audio STATIC ${CMAKE_CURRENT_SOURCE_DIR}/ui/audio.c)
target_include_directories(tv_ui_audio PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/ui)
target_link_libraries(tv_ui_audio PUBLIC PkgConfig::SDL2 m)
