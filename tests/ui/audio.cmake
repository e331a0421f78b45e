# audio.cmake - ui.audio: the synthesised effects and the silent fallback.
tv_unit_test(ui_audio ui/test_audio.c tv_ui_audio)
