# SPDX-License-Identifier: GPL-3.0-or-later
# One helper applies warnings, sanitizers and the Qt hygiene defines to every MetroEval target.

function(metroeval_configure_target target)
    get_target_property(_type ${target} TYPE)
    set(_scope PRIVATE)
    if(_type STREQUAL "INTERFACE_LIBRARY")
        set(_scope INTERFACE)
    endif()
    target_compile_options(${target} ${_scope}
        $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                       -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual
                                       -Wdouble-promotion -Wformat=2>
        $<$<CXX_COMPILER_ID:MSVC>:/W4 /utf-8>)
    if(METROEVAL_WERROR)
        target_compile_options(${target} ${_scope}
            $<$<CXX_COMPILER_ID:GNU,Clang>:-Werror> $<$<CXX_COMPILER_ID:MSVC>:/WX>)
    endif()
    if(METROEVAL_SANITIZERS)
        # Undefined behaviour stops the program, so that a test meeting it fails instead of
        # printing a line nobody reads.
        target_compile_options(${target} ${_scope} -fsanitize=address,undefined
                               -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
        target_link_options(${target} ${_scope} -fsanitize=address,undefined)
    endif()
    target_compile_definitions(${target} ${_scope}
        QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_CAST_FROM_BYTEARRAY
        QT_NO_KEYWORDS QT_NO_FOREACH QT_USE_QSTRINGBUILDER)
endfunction()

# A GoogleTest executable registered with ctest through gtest_discover_tests.
# Usage: metroeval_add_gtest(NAME [OWN_MAIN] SOURCES ... LIBS ...); OWN_MAIN for tests that bring
# their own main() (e.g. to create a QApplication).
function(metroeval_add_gtest name)
    cmake_parse_arguments(ARG "OWN_MAIN" "" "SOURCES;LIBS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    metroeval_configure_target(${name})
    target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gmock)
    if(NOT ARG_OWN_MAIN)
        target_link_libraries(${name} PRIVATE GTest::gtest_main)
    endif()
    target_compile_definitions(${name} PRIVATE
        METROEVAL_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data")
    gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60
        PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
endfunction()
