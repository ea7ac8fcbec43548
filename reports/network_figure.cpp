// Placing the units, captions and weight labels of the network figure.
#include "reports/network_figure.h"

#include <algorithm>
#include <iomanip>
#include <sstream>
#include <vector>

namespace deltacheck {

namespace detail {

// Centimetres: vertical distance between units, horizontal room a weight label needs, distance
// of the first label from the source unit's centre (radius 0.53, half a label and a gap) and of
// the last from the target's (more: the arrowheads converge there), narrowest column.
constexpr double kUnitSpacing = 1.5, kLabelSpacing = 0.9, kSourceClearance = 1.1,
                 kTargetClearance = 1.4, kNarrowColumn = 2.8;

// The units of a layer that are drawn (1-based), 0 standing for the ellipsis.
std::vector<int> drawn_units(int units) {
  std::vector<int> out;
  if (units <= kMaxDrawnUnits) {
    for (int j = 1; j <= units; ++j) out.push_back(j);
    return out;
  }
  for (int j = 1; j <= kMaxDrawnUnits - 2; ++j) out.push_back(j);
  out.push_back(0);
  out.push_back(units);
  return out;
}

// The column widths (cm, between layer l-1 and layer l, index l - 1) and which layers' edges
// carry labels: labelled columns are wide enough for their labels, the densest losing them
// until the figure fits kMaxFigureWidth.
struct Columns {
  std::vector<double> width;
  std::vector<bool> labelled;
};

Columns columns(const Network& net) {
  Columns c;
  for (int l = 1; l <= net.depth(); ++l) {
    const bool small = net.units(l) <= kMaxDrawnUnits && net.units(l - 1) <= kMaxDrawnUnits;
    const int edges = net.units(l) * net.units(l - 1);
    c.labelled.push_back(small);
    c.width.push_back(small ? std::max(kNarrowColumn, kSourceClearance + kTargetClearance +
                                                          kLabelSpacing * (edges - 1))
                            : kNarrowColumn);
  }
  for (;;) {
    double total = 0;
    for (double w : c.width) total += w;
    if (total <= kMaxFigureWidth) return c;
    const auto widest = std::max_element(c.width.begin(), c.width.end());
    if (*widest <= kNarrowColumn) return c;
    *widest = kNarrowColumn;
    c.labelled[widest - c.width.begin()] = false;
  }
}

std::string number(double x) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(2) << x;
  return s.str();
}

// The y of the i-th drawn unit (0-based) of a column of n drawn units, centred on 0.
double unit_y(std::size_t i, std::size_t n) {
  return -(static_cast<double>(i) - (n - 1) / 2.0) * kUnitSpacing;
}

}  // namespace detail

std::string activation_title(Activation f) {
  return f == Activation::relu ? "ReLU" : activation_name(f);
}

std::string tikz_network(const Network& net) {
  using namespace detail;
  const Columns c = columns(net);
  std::vector<double> x{0};
  for (double w : c.width) x.push_back(x.back() + w);
  std::vector<std::vector<int>> units;
  std::size_t tallest = 0;
  for (int l = 0; l <= net.depth(); ++l) {
    units.push_back(drawn_units(net.units(l)));
    tallest = std::max(tallest, units.back().size());
  }
  std::ostringstream t;
  t << "\\begin{tikzpicture}[unit/.style={circle,draw,minimum size=1.05cm,inner sep=1pt,"
       "font=\\small},w/.style={font=\\scriptsize,fill=white,inner sep=1pt}]\n";
  const double caption_y = unit_y(tallest - 1, tallest) - 1.0;
  for (int l = 0; l <= net.depth(); ++l) {
    const std::vector<int>& u = units[l];
    for (std::size_t i = 0; i < u.size(); ++i) {
      const std::string at = "(" + number(x[l]) + "," + number(unit_y(i, u.size())) + ")";
      if (u[i] == 0) {
        t << "  \\node at " << at << " {$\\vdots$};\n";
        continue;
      }
      const std::string j = std::to_string(u[i]);
      t << "  \\node[unit] (n" << l << "_" << j << ") at " << at << " {"
        << (l == 0 ? "$x_{" + j + "}$" : "$a^{(" + std::to_string(l) + ")}_{" + j + "}$") << "};\n";
    }
    t << "  \\node[font=\\footnotesize,align=center,anchor=north] at (" << number(x[l]) << ","
      << number(caption_y) << ") {"
      << (l == 0 ? std::string("input")
                 : "layer " + std::to_string(l) + "\\\\" + activation_title(net.activation(l)))
      << "};\n";
  }
  for (int l = 1; l <= net.depth(); ++l) {
    const std::vector<int>&to = units[l], &from = units[l - 1];
    const int edges = net.units(l) * net.units(l - 1);
    int index = 0;
    for (std::size_t a = 0; a < to.size(); ++a)
      for (std::size_t b = 0; b < from.size(); ++b) {
        if (to[a] == 0 || from[b] == 0) continue;
        t << "  \\draw[->] (n" << l - 1 << "_" << from[b] << ") -- (n" << l << "_" << to[a]
          << ");\n";
        if (!c.labelled[l - 1]) continue;
        // Label i at distance clearance + i * spacing from the left column, on its edge.
        const double along =
            edges == 1 ? 0.5 : (kSourceClearance + kLabelSpacing * index) / c.width[l - 1];
        const double y0 = unit_y(b, from.size()), y1 = unit_y(a, to.size());
        t << "  \\node[w] at (" << number(x[l - 1] + along * c.width[l - 1]) << ","
          << number(y0 + along * (y1 - y0)) << ") {$w^{(" << l << ")}_{" << to[a] << from[b]
          << "}$};\n";
        ++index;
      }
  }
  t << "\\end{tikzpicture}\n";
  return t.str();
}

}  // namespace deltacheck
