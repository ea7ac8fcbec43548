// Regression tests: a weights file with a number beyond a double (1e999) is a located user error,
// not an internal one.
#include <catch2/catch.hpp>

#include "core/error.h"
#include "core/network.h"
#include "solver/weights_file.h"
#include "tests/run_command.h"

using namespace deltacheck;

namespace {

const std::string kWeights =
    "{\n  \"net\": \"1 sigmoid:1\",\n  \"loss\": \"squared\",\n  \"parameters\": {\n    \"w1_1_1\": 1e999,\n    \"b1_1\": 0\n  }\n}\n";

}  // namespace

TEST_CASE("read_weights names the file, the line and the number that overflows",
          "[hostile][weights_file_overflow]") {
  const std::string path = testing::write_file("overflow.json", kWeights);
  try {
    read_weights(path, parse_network("1 sigmoid:1", "squared"));
    FAIL("no error");
  } catch (const UserError& e) {
    CHECK(e.where().file == path);
    CHECK(e.where().line == 5);
    CHECK(e.where().column == 15);
    CHECK(
        e.message() ==
        "the number '1e999' is too large for a double (at most about 1.8e308): a weight is a finite number");
  }
}

TEST_CASE("train --load of a file with 1e999 exits 2 with the file, not an internal error",
          "[hostile][weights_file_overflow]") {
  const std::string path = testing::write_file("overflow_load.json", kWeights);
  const testing::Run r = testing::run(
      "train --net '1 sigmoid:1' --loss squared --data line --epochs 1 --load " + path);
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::StartsWith("deltacheck: " + path +
                                      ":5:15: the number '1e999' is too large for a double"));
  CHECK_THAT(r.err, !Catch::Contains("internal error") && !Catch::Contains("json.exception"));
}
