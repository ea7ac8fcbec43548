// Tests of core/utf8: valid and invalid sequences, and columns in characters.
#include <catch2/catch.hpp>

#include "core/utf8.h"

using namespace deltacheck;

TEST_CASE("columns count characters, not bytes", "[utf8]") {
  CHECK(code_points_before("\xcf\x83\xcf\x83x", 4) == 2);
  CHECK(code_points_before("abc", 2) == 2);
  CHECK(code_points_before("a\xff"
                           "b",
                           3) == 3);  // an invalid byte counts as one
}

TEST_CASE("only valid UTF-8 sequences are accepted", "[utf8]") {
  CHECK(utf8_sequence_length("a", 0) == 1);
  CHECK(utf8_sequence_length("\xcf\x83", 0) == 2);
  CHECK(utf8_decode("\xcf\x83", 0, 2) == 0x03C3);
  CHECK(utf8_sequence_length("\xe2\x88\x92", 0) == 3);
  CHECK(utf8_sequence_length("\xf0\x9f\x98\x80", 0) == 4);
  CHECK(utf8_sequence_length("\xed\xa0\x80", 0) == 0);  // a UTF-16 surrogate
  CHECK(utf8_sequence_length("\xc0\x80", 0) == 0);      // overlong
  CHECK(utf8_sequence_length("\xcf", 0) == 0);          // cut short
  CHECK(utf8_sequence_length("\xff", 0) == 0);
}
