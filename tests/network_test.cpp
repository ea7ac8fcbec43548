// Tests of SPEC parsing: valid networks and a one-line error for each kind of bad spec.
#include <catch2/catch.hpp>

#include "core/error.h"
#include "core/network.h"

using namespace deltacheck;

TEST_CASE("a SPEC gives inputs, layers and loss", "[network]") {
  const Network net = parse_network("3 relu:2 sigmoid:2 sigmoid:1", "squared");
  CHECK(net.inputs == 3);
  REQUIRE(net.depth() == 3);
  CHECK(net.units(1) == 2);
  CHECK(net.activation(1) == Activation::relu);
  CHECK(net.activation(3) == Activation::sigmoid);
  CHECK(net.outputs() == 1);
  CHECK(net.parameter_count() == 17);
  CHECK(net.spec() == "3 relu:2 sigmoid:2 sigmoid:1");
  CHECK(parse_network(" 2   tanh:1  sigmoid:2 ", "crossentropy").parameter_count() == 7);
}

TEST_CASE("a bad SPEC or loss is a one-line error saying what is wrong", "[network]") {
  const auto message = [](const std::string& spec, const std::string& loss) {
    try {
      parse_network(spec, loss);
    } catch (const UserError& e) {
      CHECK(std::string(e.what()).find('\n') == std::string::npos);
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK_THAT(message("3 relu:0", "squared"), Catch::Contains("'relu:0' must have 1 to"));
  CHECK_THAT(message("relu:2", "squared"),
             Catch::Contains("'relu:2' should be the number of inputs"));
  CHECK_THAT(message("3 foo:2", "squared"), Catch::Contains("unknown activation 'foo'"));
  CHECK_THAT(message("3 softmax:2 sigmoid:1", "squared"),
             Catch::Contains("softmax is for the output layer only"));
  CHECK_THAT(message("3 tanh:2", "crossentropy"),
             Catch::Contains("crossentropy needs a sigmoid or softmax output layer, not tanh"));
  CHECK_THAT(message("3 relu:2", "l2"), Catch::Contains("unknown loss 'l2'"));
  CHECK_THAT(message("", "squared"), Catch::Contains("network spec is empty"));
  CHECK_THAT(message("3", "squared"), Catch::Contains("no layers"));
  CHECK_THAT(message("3 relu2", "squared"), Catch::Contains("should be activation:units"));
  CHECK_THAT(message("3 relu:x", "squared"), Catch::Contains("should end in a number of units"));
  CHECK_THAT(message("0 relu:2", "squared"), Catch::Contains("number of inputs must be 1 to"));
  CHECK_THAT(message("3 softmax:1", "squared"),
             Catch::Contains("softmax layer needs at least 2 units"));
}
