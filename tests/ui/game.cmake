# ui.round: the real front end driven by injected events, checked against headless.
add_executable(test_ui_round ui/test_game_round.c)
target_include_directories(test_ui_round PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(test_ui_round PRIVATE tv_ui tv_runner)
add_test(NAME ui.round COMMAND test_ui_round $<TARGET_FILE:trivium> ${CMAKE_SOURCE_DIR})
set_tests_properties(ui.round PROPERTIES TIMEOUT 120)

add_test(NAME app.install COMMAND bash ${CMAKE_SOURCE_DIR}/tests/app/test_install.sh ${CMAKE_BINARY_DIR})
set_tests_properties(app.install PROPERTIES TIMEOUT 120)
