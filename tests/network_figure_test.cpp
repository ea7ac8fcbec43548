// Tests of reports/network_figure: labels apart from each other and from the units, captions on
// one line, wide layers elided, the figure within the page.
#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "reports/network_figure.h"

using namespace deltacheck;

namespace {

struct Place {
  double x, y;
  std::string text;
};

// Every \node of `kind` ("unit", "w", or "" for captions and ellipses) in a figure.
std::vector<Place> nodes(const std::string& tikz, const std::string& kind) {
  const std::regex node(
      R"(\\node(\[([a-z]+)[^\]]*\])?(?: \([^)]*\))? at \(([-0-9.]+),([-0-9.]+)\) \{([^\n]*)\};)");
  std::vector<Place> out;
  for (std::sregex_iterator it(tikz.begin(), tikz.end(), node), end; it != end; ++it) {
    const std::string style = (*it)[2];
    const bool caption = style == "font";
    if ((kind.empty() && (style.empty() || caption)) || style == kind)
      out.push_back({std::stod((*it)[3]), std::stod((*it)[4]), (*it)[5]});
  }
  return out;
}

}  // namespace

TEST_CASE("network_figure puts every weight label apart from the others and from the units",
          "[network_figure]") {
  for (const char* spec :
       {"3 relu:2 sigmoid:2 sigmoid:1", "2 tanh:1 sigmoid:2", "4 sigmoid:3 softmax:3"}) {
    INFO(spec);
    const std::string tikz = tikz_network(parse_network(spec, "squared"));
    const std::vector<Place> labels = nodes(tikz, "w"), units = nodes(tikz, "unit");
    CHECK(!labels.empty());
    for (std::size_t i = 0; i < labels.size(); ++i) {
      for (std::size_t k = i + 1; k < labels.size(); ++k)  // a label is about 0.6 x 0.4 cm
        CHECK((std::abs(labels[i].x - labels[k].x) >= 0.85 ||
               std::abs(labels[i].y - labels[k].y) >= 0.45));
      for (const Place& u : units)  // a unit is a circle of radius 0.53 cm
        CHECK(std::abs(labels[i].x - u.x) >= 0.95);
    }
    double right = 0;
    for (const Place& u : units) right = std::max(right, u.x);
    CHECK(right <= kMaxFigureWidth);
  }
}

TEST_CASE("network_figure writes every layer's caption on one line under the tallest column",
          "[network_figure]") {
  const std::string tikz = tikz_network(parse_network("3 relu:2 sigmoid:2 sigmoid:1", "squared"));
  std::set<double> caption_y;
  for (const Place& p : nodes(tikz, ""))
    if (p.text.find("input") != std::string::npos || p.text.find("layer") != std::string::npos)
      caption_y.insert(p.y);
  REQUIRE(caption_y.size() == 1);
  for (const Place& u : nodes(tikz, "unit")) CHECK(u.y - 0.53 > *caption_y.begin());
  CHECK_THAT(tikz, Catch::Contains("{$w^{(1)}_{23}$}") && Catch::Contains("{$a^{(3)}_{1}$}"));
}

TEST_CASE("network_figure elides a layer wider than 8 units and drops labels that do not fit",
          "[network_figure]") {
  const std::string tikz = tikz_network(parse_network("12 sigmoid:10 sigmoid:1", "squared"));
  std::size_t layer1 = 0;
  for (const Place& u : nodes(tikz, "unit")) layer1 += u.text.find("^{(1)}") != std::string::npos;
  CHECK(layer1 == static_cast<std::size_t>(kMaxDrawnUnits) - 1);
  CHECK_THAT(tikz, Catch::Contains("$\\vdots$") && Catch::Contains("{$a^{(1)}_{10}$}"));
  CHECK(nodes(tikz, "w").empty());
  // Columns without labels are narrow: the output unit is two narrow columns from the inputs.
  double right = 0;
  for (const Place& u : nodes(tikz, "unit")) right = std::max(right, u.x);
  CHECK(right == Approx(5.6).margin(0.01));
  CHECK(tikz == tikz_network(parse_network("12 sigmoid:10 sigmoid:1", "squared")));
}

TEST_CASE("network_figure captions a ReLU layer as the notes write it", "[network_figure]") {
  CHECK(activation_title(Activation::relu) == "ReLU");
  CHECK(activation_title(Activation::sigmoid) == "sigmoid");
  const std::string tikz = tikz_network(parse_network("2 relu:2 linear:1", "squared"));
  CHECK_THAT(tikz, Catch::Contains("ReLU") && !Catch::Contains("relu"));
}
