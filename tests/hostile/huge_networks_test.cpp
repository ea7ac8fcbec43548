// Huge networks: derive and verify refuse a network too large for them at once, with the limit and
// the way out.
#include <chrono>

#include <catch2/catch.hpp>

#include "../run_command.h"
#include "core/network.h"

using namespace deltacheck;

namespace {
// `deltacheck ARGS` is a user error containing `expected`, given in under a second.
void refused_at_once(const std::string& args, const std::string& expected) {
  const auto start = std::chrono::steady_clock::now();
  testing::check_user_error(args, expected);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
}

std::string deep_spec(int layers) {
  std::string spec = "1";
  for (int l = 0; l < layers; ++l) spec += " sigmoid:2";
  return spec;
}
}  // namespace

TEST_CASE("huge networks: sizes are counted from the shape, saturating", "[hostile][network]") {
  const NetworkSize small = network_size(parse_network("3 relu:2 sigmoid:2 sigmoid:1", "squared"));
  CHECK(small.units == 8);
  CHECK(small.parameters == 17);
  CHECK(small.largest_local == 2 * 1 * 3);  // paths from a layer-1 unit, each through three layers
  CHECK(small.local_terms == 3 * 1 * 1 + 6 * 1 * 2 + 8 * 2 * 3);
  const NetworkSize deep = network_size(parse_network(deep_spec(200), "squared"));
  CHECK(deep.largest_local == kSizeSaturation);
  CHECK(deep.parameters == 200 * 6 - 2);
  CHECK_THROWS_WITH(
      check_symbolic_size(parse_network("1000 sigmoid:1000 sigmoid:1000 sigmoid:1", "squared")),
      Catch::Contains("has 2003001 weights and biases") &&
          Catch::Contains("at most 10000: use fewer units"));
}

TEST_CASE("huge networks: derive and verify refuse in under a second", "[hostile][network]") {
  const std::string huge = "--net '1000 sigmoid:1000 sigmoid:1000 sigmoid:1' --loss squared";
  refused_at_once(
      "derive " + huge,
      "has 2003001 weights and biases in 3001 units; derivations are made for at most 10000");
  refused_at_once("derive " + huge + " --form delta", "use fewer units");
  refused_at_once("verify " + huge, "use fewer units");
  refused_at_once("derive --net '" + deep_spec(200) + "' --loss squared", "use --form delta");
  refused_at_once("derive --net '" + deep_spec(200) + "' --loss squared --form expanded",
                  "gradients of more than 20000 terms");
  refused_at_once("derive --net '50 sigmoid:50 sigmoid:50 sigmoid:1' --loss squared",
                  "more than 100000 terms in all: use --form delta");
  refused_at_once("verify --net '30 sigmoid:30 sigmoid:30 sigmoid:1' --loss squared",
                  "use fewer --points or fewer units");
  refused_at_once("verify --net '9 sigmoid:9 sigmoid:1' --loss squared --points 10000 --digits 16",
                  "use fewer --points");
}
