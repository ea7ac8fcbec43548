// Duplicates and hidden bytes: a key given twice in POINT.json and a NUL in a CSV row are refused
// where they are.
#include <catch2/catch.hpp>

#include "../run_command.h"
#include "core/error.h"
#include "core/point.h"
#include "solver/dataset.h"

using namespace deltacheck;

namespace {
std::string point_error(const std::string& text) {
  try {
    parse_point_json(text, "p.json", parse_network("1 sigmoid:1", "squared"));
  } catch (const UserError& e) {
    return e.what();
  }
  return "no error";
}
}  // namespace

TEST_CASE("duplicates: a key given twice in POINT.json is refused at its second place",
          "[hostile][point]") {
  CHECK(point_error(R"({"x1": "0.1", "w1_1_1": "-0.3", "b1_1": "0", "y": "1"})") == "no error");
  CHECK(
      point_error(
          "{\"x1\": \"0.1\", \"w1_1_1\": \"-0.3\",\n \"b1_1\": \"0\", \"y\": \"1\", \"x1\": \"5\"}") ==
      "p.json:2:26: 'x1' is given twice: give each name once");
  CHECK_THAT(point_error(R"({"x1": "0.1", "w1_1_1": "-0.3", "b1_1": "0", "y": "1", "y": "1"})"),
             Catch::Contains("'y' is given twice"));
  const std::string path = testing::write_file(
      "twice.json", R"({"x1": "0.1", "x1": "0.2", "w1_1_1": "-0.3", "b1_1": "0", "y": "1"})");
  const testing::Run r = testing::run("gradient --net '1 sigmoid:1' --loss squared --at " + path);
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::StartsWith("deltacheck: " + path + ":1:16: 'x1' is given twice"));
}

TEST_CASE("duplicates: a NUL byte in a CSV row is refused with its line and column",
          "[hostile][dataset]") {
  const std::string path = testing::write_file("nul.csv", std::string("x,y\n1,2\n3\0junk,4\n", 18));
  CHECK_THROWS_WITH(read_csv_dataset(path, 1, 1),
                    Catch::StartsWith(path + ":3:2: a control byte (NUL) in a data row"));
  const std::string escape = testing::write_file("esc.csv", "1,2\n3,\x1b[31m4\n");
  CHECK_THROWS_WITH(read_csv_dataset(escape, 1, 1),
                    Catch::StartsWith(escape + ":2:3: a control byte (code 27)"));
  CHECK(read_csv_dataset(testing::write_file("tabs.csv", "1,\t2\r\n"), 1, 1).size() == 1);
}
