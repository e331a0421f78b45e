# ui.prefs: settings, high scores and flags files, in a mkdtemp folder.
tv_unit_test(ui_prefs ui/test_prefs.c tv_ui_prefs)
