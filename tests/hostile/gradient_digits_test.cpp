// Gradient digits: exactly the digits asked for, and one digit refused with the minimum stated.
#include <catch2/catch.hpp>

#include "../run_command.h"

using namespace deltacheck;

namespace {
const char* kPoint =
    R"({"x1": "1", "x2": "0.5", "w1_1_1": "0.2", "w1_1_2": "-0.1", "b1_1": "0", "w2_1_1": "0.3",
 "w2_2_1": "-0.4", "b2_1": "0.1", "b2_2": "0", "y1": "1", "y2": "0"})";
}  // namespace

TEST_CASE(
    "gradient digits: --digits 1 is refused, --digits 2 prints two digits that round the 60-digit values",
    "[hostile][gradient]") {
  const std::string point = testing::write_file("digits.json", kPoint);
  const std::string command =
      "gradient --net '2 tanh:1 sigmoid:2' --loss crossentropy --at " + point;
  testing::check_user_error(command + " --digits 1", "--digits must be 2 to 10000, not 1");
  const testing::Run two = testing::run(command + " --digits 2");
  const testing::Run sixty = testing::run(command + " --digits 60");
  REQUIRE(two.status == 0);
  REQUIRE(sixty.status == 0);
  std::istringstream short_lines(two.out), long_lines(sixty.out);
  int lines = 0;
  for (std::string a, b; std::getline(short_lines, a) && std::getline(long_lines, b); ++lines) {
    const std::string value = a.substr(a.find(" = ") + 3), exact = b.substr(b.find(" = ") + 3);
    CAPTURE(value, exact);
    CHECK(value.size() == (value[0] == '-' ? 8u : 7u));  // d.de-XX
    CHECK(std::stod(value) ==
          Approx(std::stod(exact)).epsilon(0.051));  // one unit in the second digit
    char rounded[32];
    std::snprintf(rounded, sizeof rounded, "%.1e", std::stod(exact));
    CHECK(value == rounded);
  }
  CHECK(lines == 8);  // L and 7 parameters
}
