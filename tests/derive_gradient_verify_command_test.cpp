// Tests of derive, gradient and verify as a user runs them (output, exit status, determinism), and
// of every command's errors and --help.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>

#include <sys/wait.h>
#include <nlohmann/json.hpp>

#include "core/point.h"
#include "run_command.h"
#include "solver/backprop.h"
#include "solver/sample_points.h"
#include "test_networks.h"

using namespace deltacheck;

namespace {

using testing::Run;
using testing::run;

int count_lines_starting(const std::string& text, const std::string& prefix) {
  std::istringstream in(text);
  int n = 0;
  for (std::string line; std::getline(in, line);) n += line.rfind(prefix, 0) == 0;
  return n;
}

std::string write_point(const Network& net, const Point& p) {
  nlohmann::ordered_json doc;
  for (const auto& [q, v] : p.values()) doc[quantity_name(q, net, NameStyle::separated)] = v.text();
  return testing::write_file("point.json", doc.dump(1));
}

}  // namespace

TEST_CASE("derive prints Q1's 10 forward equations and 17 gradients, the same bytes every run",
          "[derive_gradient_verify_command]") {
  const Run first = run("derive --net '3 relu:2 sigmoid:2 sigmoid:1' --loss squared");
  REQUIRE(first.status == 0);
  CHECK(count_lines_starting(first.out, "z") + count_lines_starting(first.out, "a") == 10);
  CHECK(count_lines_starting(first.out, "dL/d") == 17);
  CHECK(count_lines_starting(first.out, "L = ") == 1);
  for (int i = 0; i < 4; ++i)
    CHECK(run("derive --net '3 relu:2 sigmoid:2 sigmoid:1' --loss squared").out == first.out);
  for (const char* form : {"delta", "expanded"}) {
    const Run r =
        run(std::string("derive --net '3 relu:2 sigmoid:2 sigmoid:1' --loss crossentropy --form ") +
            form);
    CHECK(r.status == 0);
    CHECK(
        run(std::string("derive --net '3 relu:2 sigmoid:2 sigmoid:1' --loss crossentropy --form ") +
            form)
            .out == r.out);
  }
  const Run delta =
      run("derive --net '3 relu:2 sigmoid:2 sigmoid:1' --loss crossentropy --form delta");
  CHECK(count_lines_starting(delta.out, "delta") == 5);
}

TEST_CASE("derive --format json uses separated names, and latex is an align* block",
          "[derive_gradient_verify_command]") {
  const Run r = run("derive --net '2 tanh:1 sigmoid:2' --loss crossentropy --format json");
  REQUIRE(r.status == 0);
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["net"] == "2 tanh:1 sigmoid:2");
  CHECK(doc["gradients"].size() == 7);
  CHECK(doc["gradients"][0]["key"] == "dL/dw2_1_1");
  CHECK(doc["forward"].size() == 6);
  const Run tex = run("derive --net '2 tanh:1 sigmoid:2' --loss crossentropy --format latex");
  CHECK(tex.status == 0);
  CHECK_THAT(tex.out, Catch::Contains("\\begin{align*}") &&
                          Catch::Contains("\\frac{\\partial L}{\\partial w^{(1)}_{11}}"));
}

TEST_CASE("gradient --json has the shape of docs/DESIGN.md §6 and the backprop's values",
          "[derive_gradient_verify_command]") {
  const Network net = testing::q1("crossentropy");
  const Point p = sample_points(net, 1, 5)[0];
  const std::string path = write_point(net, p);
  const Run r = run("gradient --net '3 relu:2 sigmoid:2 sigmoid:1' --loss crossentropy --at " +
                    path + " --digits 60 --json");
  REQUIRE(r.status == 0);
  const auto doc = nlohmann::ordered_json::parse(r.out);
  CHECK(doc["net"] == net.spec());
  CHECK(doc["loss"] == "crossentropy");
  CHECK(doc["digits"] == 60);
  REQUIRE(doc["gradient"].size() == 17);
  const Gradient<double> g = gradient_at<double>(net, p);
  size_t i = 0;
  for (const auto& [name, value] : doc["gradient"].items()) {
    CHECK(name == quantity_name(parameters(net)[i], net, NameStyle::separated));
    const std::string text = value.get<std::string>();
    const auto mantissa = text.substr(0, text.find('e'));
    CHECK(mantissa.size() >= 61);  // sign or digit, point, 59 more digits: 60 significant
    CHECK(std::stod(text) == Approx(g.d_params[i]).epsilon(1e-12));
    ++i;
  }
  CHECK(std::stod(doc["loss_value"].get<std::string>()) == Approx(g.loss).epsilon(1e-12));
}

TEST_CASE("verify exits 0 when everything agrees and prints the verdict",
          "[derive_gradient_verify_command]") {
  const Run r = run("verify --net '2 tanh:1 sigmoid:2' --loss crossentropy --points 8");
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("verified"));
  const Run j = run("verify --net '2 tanh:1 sigmoid:2' --loss crossentropy --points 2 --json");
  CHECK(j.status == 0);
  CHECK(nlohmann::json::parse(j.out)["passed"] == true);
}

TEST_CASE("user errors exit 2 with one line on stderr, never a crash",
          "[derive_gradient_verify_command]") {
  const Network net = testing::q1("squared");
  Point p = sample_points(net, 1, 5)[0];
  Point missing;
  for (const auto& [q, v] : p.values())
    if (!(q == Quantity{QuantityKind::bias, 2, 1, 0})) missing.set(q, v);
  const std::string path = write_point(net, missing);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"derive --net '3 relu:0' --loss squared", "'relu:0' must have"},
      {"derive --net '3 tanh:2' --loss crossentropy", "needs a sigmoid or softmax output"},
      {"derive --net '3 relu:2' --loss squared --form short", "unknown form 'short'"},
      {"derive --net '3 relu:2'", "missing --loss"},
      {"derive --net '3 relu:2' --loss squared --frobnicate", "unrecognised option '--frobnicate'"},
      {"gradient --net '3 relu:2 sigmoid:2 sigmoid:1' --loss squared --at " + path,
       "missing 'b2_1'"},
      {"gradient --net '3 relu:2 sigmoid:2 sigmoid:1' --loss squared --at nowhere.json",
       "nowhere.json: cannot read"},
      {"gradient --net '3 relu:2 sigmoid:2 sigmoid:1' --loss squared --at " + path + " --digits 0",
       "--digits must be"},
      {"verify --net '2 sigmoid:1' --loss squared --points 0", "--points must be"},
      {"verify --net '2 sigmoid:1' --loss squared --points many", "points"},
      {"frobnicate", "unknown command 'frobnicate'"},
      {"derive --net '4 sigmoid:8 sigmoid:8 sigmoid:8 sigmoid:8 sigmoid:8 sigmoid:8 sigmoid:1' --loss squared --form expanded",
       "use --form delta"},
  };
  for (const auto& [args, expected] : cases) testing::check_user_error(args, expected);
}

TEST_CASE("every subcommand has --help with an example", "[derive_gradient_verify_command]") {
  for (const char* cmd : {"derive", "gradient", "verify", "check", "template", "list", "show"}) {
    const Run r = run(std::string(cmd) + " --help");
    CHECK(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("usage: deltacheck") && Catch::Contains("example:"));
  }
  CHECK(run("--help").status == 0);
  CHECK(run("").status == 2);
}
