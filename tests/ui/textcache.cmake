# ui.textcache: one layout and one rasterisation per (text, size, bold, width), tinted and
# aligned when drawn; on SDL's software renderer, so no window is needed.
tv_unit_test(ui_textcache ui/test_textcache.c tv_ui)
