// Tests of core/error: the location prefix and the quoted line with its caret, also for long or
// binary lines.
#include <catch2/catch.hpp>

#include "core/error.h"

using namespace deltacheck;

TEST_CASE("an error names file, line and column and puts a caret under the spot", "[error]") {
  const UserError e(SourceLocation{"a.txt", 4, 8, "z1_1 = 2a1_1"}, "missing '*'");
  CHECK(std::string(e.what()) == "a.txt:4:8: missing '*'");
  CHECK(e.formatted() == "a.txt:4:8: missing '*'\n    z1_1 = 2a1_1\n           ^");
}

TEST_CASE("a long line is quoted around the column only", "[error]") {
  const std::string line = std::string(500, 'x') + "!" + std::string(500, 'y');
  const UserError e(SourceLocation{"a.txt", 1, 501, line}, "here");
  const std::string f = e.formatted();
  CHECK(f.size() < 250);
  const std::string quoted = f.substr(f.find('\n') + 5, f.rfind('\n') - f.find('\n') - 5);
  const std::string caret = f.substr(f.rfind('\n') + 5);
  CHECK(quoted.substr(0, 3) == "...");
  CHECK(quoted.substr(quoted.size() - 3) == "...");
  CHECK(quoted[caret.size() - 1] == '!');
}

TEST_CASE("control bytes and invalid UTF-8 are quoted as '?', keeping the caret aligned",
          "[error]") {
  const UserError e(SourceLocation{"a.txt", 1, 4,
                                   std::string("a\0\xff"
                                               "b",
                                               4)},
                    "here");
  CHECK(e.formatted() == "a.txt:1:4: here\n    a??b\n       ^");
}
