# ui.record: what `trivium play --record` writes, replayed by `trivium headless`.
add_test(NAME ui.record COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/ui/test_record.sh $<TARGET_FILE:trivium>
  ${CMAKE_SOURCE_DIR})
set_tests_properties(ui.record PROPERTIES TIMEOUT 120)
