// Tests of reports/gradient_writer: the loss and gradient as text and JSON.
#include <catch2/catch.hpp>

#include <sstream>

#include "reports/gradient_writer.h"

using namespace deltacheck;

namespace {

const GradientText kGradient{"0.125", {"0.5", "-0.25", "0.75"}};

}  // namespace

TEST_CASE("gradient_writer text is L then one dL/d line per parameter in parameter order",
          "[gradient_writer]") {
  std::ostringstream out;
  write_gradient(out, parse_network("2 linear:1", "squared"), 30, kGradient, false);
  CHECK(out.str() == "L = 0.125\ndL/dw1_11 = 0.5\ndL/dw1_12 = -0.25\ndL/db1_1 = 0.75\n");
}

TEST_CASE("gradient_writer JSON names the network, digits and each parameter in separated form",
          "[gradient_writer]") {
  std::ostringstream out;
  write_gradient(out, parse_network("2 linear:1", "squared"), 30, kGradient, true);
  CHECK(
      out.str() ==
      "{\n  \"net\": \"2 linear:1\",\n  \"loss\": \"squared\",\n  \"digits\": 30,\n  \"loss_value\": \"0.125\",\n  \"gradient\": {\n"
      "    \"w1_1_1\": \"0.5\",\n    \"w1_1_2\": \"-0.25\",\n    \"b1_1\": \"0.75\"\n  }\n}\n");
}
