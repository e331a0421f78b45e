# ui.golden: reference screenshots of every scene (scripts/update-goldens redraws them).
add_executable(imgdiff ui/imgdiff.c)
target_link_libraries(imgdiff PRIVATE PkgConfig::SDL2 PkgConfig::SDL2_IMAGE)
add_test(NAME ui.golden COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/ui/golden.sh $<TARGET_FILE:trivium>
  $<TARGET_FILE:imgdiff> ${CMAKE_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/golden-out)
set_tests_properties(ui.golden PROPERTIES TIMEOUT 300)
