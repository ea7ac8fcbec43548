// Text for people about an exercise: a drawing of its network, its notation, its numbers, its
// parts.
#include "reports/exercise_writer.h"

#include <algorithm>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "exercises/judge/checker.h"
#include "reports/inline_math.h"
#include "symbolic/function_table.h"

namespace deltacheck {

namespace {

std::string points_text(double p) {
  std::ostringstream out;
  out << p << (p == 1 ? " point" : " points");
  return out.str();
}

}  // namespace

std::vector<std::string> network_drawing(const Network& net) {
  std::vector<std::vector<std::string>> columns;
  for (int l = 0; l <= net.depth(); ++l) {
    std::vector<std::string> c;
    c.push_back(l == 0 ? "input" : "layer " + std::to_string(l));
    c.push_back(l == 0 ? "" : activation_name(net.activation(l)));
    for (int j = 1; j <= net.units(l); ++j) {
      if (l == 0)
        c.push_back(quantity_name({QuantityKind::input, 0, j, 0}, net));
      else if (l == net.depth())
        c.push_back("a" + std::to_string(l) + "_" + std::to_string(j) + " = " +
                    quantity_name({QuantityKind::output, 0, j, 0}, net));
      else
        c.push_back("a" + std::to_string(l) + "_" + std::to_string(j));
    }
    columns.push_back(c);
  }
  std::size_t rows = 0;
  for (const auto& c : columns) rows = std::max(rows, c.size());
  std::vector<std::string> lines(rows);
  for (std::size_t k = 0; k < columns.size(); ++k) {
    std::size_t width = 0;
    for (const std::string& cell : columns[k]) width = std::max(width, cell.size());
    for (std::size_t r = 0; r < rows; ++r) {
      const std::string cell = r < columns[k].size() ? columns[k][r] : "";
      const std::string arrow =
          k + 1 < columns.size() ? (r >= 2 && r < columns[k].size() ? " --> " : "     ") : "";
      lines[r] += cell + std::string(width - cell.size(), ' ') + arrow;
    }
  }
  for (std::string& l : lines) l.erase(l.find_last_not_of(' ') + 1);
  return lines;
}

std::vector<std::string> exercise_notes(const Exercise& ex, const std::string& student) {
  std::vector<std::string> out;
  if (ex.kind() == ExerciseKind::symbolic) {
    out.push_back("Symbols: " +
                  join(ex.symbolic().symbols, ", ", [](const FreeSymbol& s) { return s.name; }) +
                  ".");
    for (const auto& [name, text] : ex.symbolic().given)
      out.push_back("Given: " + name + " = " + text);
    out.push_back(
        "Functions: " + join(math_functions(), ", ", [](const MathFunction& f) { return f.name; }) +
        ". Operators + - * / ^ and ( ).");
    return out;
  }
  const Network& net = ex.net();
  out.push_back("Network \"" + net.spec() + "\", loss " + loss_name(net.loss) + ":");
  for (const std::string& line : network_drawing(net)) out.push_back("  " + line);
  out.push_back(
      "Each layer is fully connected to the next: w{l}_{jk} joins unit k of layer l-1 to unit j of layer l");
  out.push_back(
      "(w2_11 or w2_1_1), b{l}_{j} is the bias, z{l}_{j} = sum_k w{l}_{jk} a{l-1}_{k} + b{l}_{j}, a{l}_{j} = f(z{l}_{j}),");
  out.push_back("inputs x1 .. (= a0_1 ..), targets " +
                std::string(net.outputs() == 1 ? "y" : "y1 ..") + ", delta{l}_{j} = dL/dz{l}_{j}.");
  if (ex.kind() == ExerciseKind::numeric) {
    const Point p = numeric_point(ex, student);
    out.push_back("");
    out.push_back(std::string("The numbers") +
                  (student.empty() ? " (the example; --student ID gives each student their own)"
                                   : " of student " + student) +
                  ":");
    std::string line;
    for (const auto& [q, v] : p.values()) {
      const std::string item = quantity_name(q, net) + " = " + v.text();
      if (line.size() + item.size() > 80) out.push_back("  " + line), line.clear();
      line += (line.empty() ? "" : ", ") + item;
    }
    if (!line.empty()) out.push_back("  " + line);
    out.push_back("  learning rate eta = " + ex.numeric().learning_rate);
    out.push_back("Answers are numbers, checked to " + std::to_string(ex.numeric().decimals) +
                  " decimal places; new_w2_11 is w2_11 after one step w - eta*dL/dw.");
  } else {
    out.push_back(
        std::string(
            "Functions: sigmoid, relu, step, tanh, exp, log, sqrt, cosh, sinh, abs. Operators + - * / ^ and ( ).") +
        (ex.network().allow_deltas ? " Deltas may be used." : ""));
  }
  return out;
}

void write_exercise_list(std::ostream& out, const std::vector<Exercise>& exercises, bool json) {
  if (json) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const Exercise& e : exercises)
      list.push_back({{"id", e.id},
                      {"kind", kind_name(e.kind())},
                      {"title", e.title},
                      {"parts", e.parts.size()},
                      {"points", e.max_score()}});
    out << list.dump(2) << "\n";
    return;
  }
  std::size_t width = 2;
  for (const Exercise& e : exercises) width = std::max(width, e.id.size());
  out << "id" << std::string(width - 2, ' ') << "  kind      parts  points  title\n";
  for (const Exercise& e : exercises) {
    std::ostringstream row;
    row << e.id << std::string(width - e.id.size(), ' ') << "  " << kind_name(e.kind())
        << std::string(10 - std::string(kind_name(e.kind())).size(), ' ');
    const std::string parts = std::to_string(e.parts.size());
    std::ostringstream points;
    points << e.max_score();
    row << std::string(5 - std::min<std::size_t>(5, parts.size()), ' ') << parts << "  "
        << std::string(6 - std::min<std::size_t>(6, points.str().size()), ' ') << points.str()
        << "  " << plain_prose(e.title);
    out << row.str() << "\n";
  }
}

void write_exercise(std::ostream& out, const Exercise& ex, const std::string& student) {
  out << ex.id << ": " << plain_prose(ex.title) << "\n(" << kind_name(ex.kind()) << " exercise, "
      << ex.parts.size() << " parts, " << points_text(ex.max_score()) << "; " << ex.source
      << ")\n\n";
  const std::string statement = plain_prose(ex.statement);
  if (!statement.empty()) out << statement << (statement.back() == '\n' ? "" : "\n") << "\n";
  for (const std::string& line : exercise_notes(ex, student)) out << line << "\n";
  out << "\nParts:\n";
  for (const Part& p : ex.parts)
    out << "  " << plain_prose(describe_part(p, ex)) << " (" << points_text(p.points) << ")\n";
  out << "\nAnswer with: deltacheck template " << ex.id
      << (student.empty() ? "" : " --student " + student) << " > answers.txt\n";
}

}  // namespace deltacheck
