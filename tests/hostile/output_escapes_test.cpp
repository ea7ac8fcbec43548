// Terminal and spreadsheet injection: control bytes shown visibly, formula cells defused in the
// CSV.
#include <algorithm>

#include <catch2/catch.hpp>

#include "../run_command.h"
#include "core/text_escape.h"

using namespace deltacheck;

TEST_CASE("output escapes: control bytes, C1 controls and invalid UTF-8 are shown visibly",
          "[hostile][text_escape]") {
  CHECK(printable("a\x1b[31mRED") == "a\\x1b[31mRED");
  CHECK(printable("line\nbreak\r\t\x7f") == "line\\nbreak\\r\\t\\x7f");
  CHECK(printable(std::string("nul\0end", 7)) == "nul\\x00end");
  CHECK(printable("\xc2\x9b"
                  "2J") == "\\u009b2J");
  CHECK(printable("bad \xff byte") == "bad \\xff byte");
  CHECK(printable("\xcf\x83(z) and \\ kept") == "\xcf\x83(z) and \\ kept");
  CHECK(printable_lines("one\x1b\ntwo") == "one\\x1b\ntwo");
}

TEST_CASE("output escapes: CSV cells that a spreadsheet would run are quoted text",
          "[hostile][text_escape]") {
  CHECK(csv_cell("=HYPERLINK(\"http://x\",\"y\")") ==
        "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  CHECK(csv_cell("+cmd") == "\"'+cmd\"");
  CHECK(csv_cell("-cmd") == "\"'-cmd\"");
  CHECK(csv_cell("@SUM(A1)") == "\"'@SUM(A1)\"");
  CHECK(csv_cell("\tx") == "\"'\tx\"");
  CHECK(csv_cell("alice") == "alice");
  CHECK(csv_cell("a,b") == "\"a,b\"");
  CHECK(csv_cell("") == "");
}

TEST_CASE("output escapes: an escape sequence in a key or a command never reaches the terminal",
          "[hostile][text_escape]") {
  const std::string answers = testing::write_file("esc.txt", "a\x1b[31mRED = 1\n");
  const testing::Run r = testing::run("check assign-q1-squared " + answers);
  CHECK(r.out.find('\x1b') == std::string::npos);
  CHECK_THAT(r.out, Catch::Contains("a\\x1b[31mRED"));
  const testing::Run command = testing::run_argv({DELTACHECK_BINARY, "x\x1b[2J"});
  CHECK(command.status == 2);
  CHECK(command.err ==
        "deltacheck: unknown command 'x\\x1b[2J' (deltacheck --help lists the commands)\n");
  const std::string point = testing::write_file("esc.json", "{\"x\\u001b[2J\": \"1\"}");
  testing::check_user_error("gradient --net '1 sigmoid:1' --loss squared --at " + point,
                            "unknown name 'x\\x1b[2J'");
}

TEST_CASE("output escapes: grade's table, summary and CSV with hostile student ids",
          "[hostile][text_escape]") {
  const std::string dir = testing::scratch("hostile-class");
  std::filesystem::create_directories(dir);
  for (const char* id : {"=HYPERLINK(1)", "+cmd", "-cmd", "@SUM(A1)", "new\nline", "red\x1b[31m"})
    testing::write_file("hostile-class/" + std::string(id) + ".txt", "a1_1 = 1\n");
  const std::string csv = testing::scratch("hostile.csv");
  const testing::Run r = testing::run("grade assign-q1-squared --dir " + dir + " --csv " + csv);
  CHECK(r.out.find('\x1b') == std::string::npos);
  CHECK(r.err.find('\x1b') == std::string::npos);
  CHECK_THAT(r.out, Catch::Contains("new\\nline ") && Catch::Contains("red\\x1b[31m "));
  const std::string table = testing::slurp(csv);
  for (const char* cell : {"\"'=HYPERLINK(1)\",", "\"'+cmd\",", "\"'-cmd\",", "\"'@SUM(A1)\","})
    CHECK_THAT(table, Catch::Contains(cell));
  CHECK(std::count(table.begin(), table.end(), '\n') ==
        8);  // the header, six rows, and the line inside the quoted "new\nline"
}
