// The network drawn as SVG: every unit and edge of a small network, the ellipsis of a wide layer.
#include <catch2/catch.hpp>

#include <string>

#include "server/network_svg.h"

using namespace deltacheck;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("network svg: Q1 has a circle per unit, a line per edge and a caption per layer",
          "[serve]") {
  const Network q1 = parse_network("3 relu:2 sigmoid:2 sigmoid:1", "squared");
  const std::string svg = server::network_svg(q1);
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(count(svg, "<circle") == 3 + 2 + 2 + 1);
  CHECK(count(svg, "<line") == 3 * 2 + 2 * 2 + 2 * 1);
  for (const char* caption : {">input<", ">layer 1 relu<", ">layer 2 sigmoid<", ">layer 3 sigmoid<"})
    CHECK(count(svg, caption) == 1);
  CHECK(count(svg, ">ŷ<") == 1);
  CHECK(svg == server::network_svg(q1));  // the same bytes every time
}

TEST_CASE("network svg: a layer wider than the limit shows its first units, an ellipsis, its last",
          "[serve]") {
  const Network wide = parse_network("20 tanh:1", "squared");
  const std::string svg = server::network_svg(wide);
  CHECK(count(svg, "<circle") == static_cast<std::size_t>(server::kMaxSvgUnits - 1) + 1);
  CHECK(count(svg, ">x20<") == 1);
  CHECK(count(svg, ">x7<") == 0);
  CHECK(count(svg, "⋮") == 1);
}
