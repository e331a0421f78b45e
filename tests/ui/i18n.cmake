# ui.i18n: the .po parser, the English fallback, and en.po / nl.po parity.
tv_unit_test(ui_i18n ui/test_i18n.c tv_ui_i18n)
target_compile_definitions(test_ui_i18n PRIVATE TV_ASSETS_DIR="${CMAKE_SOURCE_DIR}/assets")
