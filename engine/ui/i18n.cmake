# UI strings from assets/i18n/*.po (engine/ui/i18n.h). No SDL: the parser is plain C.
add_library(tv_ui_i18n STATIC ${CMAKE_CURRENT_SOURCE_DIR}/ui/i18n.c)
target_include_directories(tv_ui_i18n PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/ui)
target_link_libraries(tv_ui_i18n PUBLIC tv_core tv_io)
