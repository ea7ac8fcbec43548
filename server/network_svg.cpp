// SVG of a network: columns of circles joined by lines, captions under the tallest column.
#include "server/network_svg.h"

#include <algorithm>
#include <sstream>
#include <vector>

namespace deltacheck::server {

namespace {

constexpr int kColumnWidth = 130, kRowHeight = 56, kRadius = 21, kMargin = 30;

// The units drawn of a layer of `n` units: their numbers, 0 standing for the ellipsis.
std::vector<int> drawn_units(int n) {
  std::vector<int> units;
  if (n <= kMaxSvgUnits) {
    for (int j = 1; j <= n; ++j) units.push_back(j);
    return units;
  }
  for (int j = 1; j <= kMaxSvgUnits - 2; ++j) units.push_back(j);
  units.push_back(0);
  units.push_back(n);
  return units;
}

// The label of unit j of layer l.
std::string unit_label(const Network& net, int l, int j) {
  if (l == 0) return "x" + std::to_string(j);
  if (l == net.depth()) return net.outputs() == 1 ? "ŷ" : "ŷ" + std::to_string(j);
  return "a" + std::to_string(l) + "_" + std::to_string(j);
}

}  // namespace

std::string network_svg(const Network& net) {
  std::vector<std::vector<int>> columns;
  std::size_t rows = 0;
  for (int l = 0; l <= net.depth(); ++l) {
    columns.push_back(drawn_units(net.units(l)));
    rows = std::max(rows, columns.back().size());
  }
  const int width = 2 * kMargin + kColumnWidth * net.depth();
  const int height = 2 * kMargin + kRowHeight * static_cast<int>(rows) + 30;
  const auto x_of = [](int l) { return kMargin + kColumnWidth * l; };
  const auto y_of = [&](std::size_t count, std::size_t i) {
    return kMargin + kRowHeight * (static_cast<double>(rows - count) / 2 + i) + kRowHeight / 2.0;
  };
  std::ostringstream svg;
  svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"" << -kRadius << " 0 "
      << width + 2 * kRadius << " " << height << "\" width=\"" << width + 2 * kRadius
      << "\" height=\"" << height << "\" font-family=\"sans-serif\" font-size=\"13\">\n";
  svg << "<title>network " << net.spec() << ", loss " << loss_name(net.loss) << "</title>\n";
  for (int l = 1; l <= net.depth(); ++l)
    for (std::size_t i = 0; i < columns[l].size(); ++i)
      for (std::size_t k = 0; k < columns[l - 1].size(); ++k)
        if (columns[l][i] != 0 && columns[l - 1][k] != 0)
          svg << "<line x1=\"" << x_of(l - 1) << "\" y1=\"" << y_of(columns[l - 1].size(), k)
              << "\" x2=\"" << x_of(l) << "\" y2=\"" << y_of(columns[l].size(), i)
              << "\" stroke=\"#8a94a6\" stroke-width=\"1\"/>\n";
  for (int l = 0; l <= net.depth(); ++l) {
    for (std::size_t i = 0; i < columns[l].size(); ++i) {
      const double y = y_of(columns[l].size(), i);
      if (columns[l][i] == 0) {
        svg << "<text x=\"" << x_of(l) << "\" y=\"" << y + 5 << "\" text-anchor=\"middle\">⋮</text>\n";
        continue;
      }
      svg << "<circle cx=\"" << x_of(l) << "\" cy=\"" << y << "\" r=\"" << kRadius
          << "\" fill=\"#ffffff\" stroke=\"#1f3a5f\" stroke-width=\"1.5\"/>\n"
          << "<text x=\"" << x_of(l) << "\" y=\"" << y + 4 << "\" text-anchor=\"middle\">"
          << unit_label(net, l, columns[l][i]) << "</text>\n";
    }
    const std::string caption =
        l == 0 ? "input" : "layer " + std::to_string(l) + " " + activation_name(net.activation(l));
    svg << "<text x=\"" << x_of(l) << "\" y=\"" << height - 12
        << "\" text-anchor=\"middle\" fill=\"#44506a\">" << caption << "</text>\n";
  }
  svg << "</svg>\n";
  return svg.str();
}

}  // namespace deltacheck::server
