// The Playground data sets (after playground.tensorflow.org's dataset.ts), CSV reading and
// splitting.
#include "solver/dataset.h"

#include <cmath>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "core/input_file.h"
#include "core/text.h"
#include "solver/random.h"

namespace deltacheck {

namespace {

// A NUL or another control byte would end the number before it unseen ("1\0junk" read as 1).
void refuse_control_bytes(const std::string& path, int number, const std::string& line) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c < 0x20 && c != '\t') || c == 0x7F)
      throw UserError(SourceLocation{path, number, static_cast<int>(i) + 1, line},
                      "a control byte (" +
                          std::string(c == 0 ? "NUL" : "code " + std::to_string(c)) +
                          ") in a data row: a CSV row holds numbers separated by commas");
  }
}

void add(Dataset& d, double x1, double x2, double y) {
  d.x.push_back({x1, x2});
  d.y.push_back({y});
}

}  // namespace

std::vector<std::pair<std::string, TargetKind>> playground_names() {
  return {{"xor", TargetKind::classes},   {"circle", TargetKind::classes},
          {"gauss", TargetKind::classes}, {"spiral", TargetKind::classes},
          {"line", TargetKind::values},   {"plane", TargetKind::values}};
}

Dataset playground(const std::string& name, int count, double noise, std::uint64_t seed) {
  Random r(seed);
  Dataset d;
  if (name == "xor") {
    for (int i = 0; i < count; ++i) {
      double x = r.uniform(-5, 5), y = r.uniform(-5, 5);
      x += x > 0 ? 0.3 : -0.3;  // a margin around the axes, as in the Playground
      y += y > 0 ? 0.3 : -0.3;
      add(d, x + r.normal(0, noise), y + r.normal(0, noise), x * y >= 0 ? 1 : 0);
    }
  } else if (name == "circle") {
    const double radius = 5;
    for (int i = 0; i < count; ++i) {
      const bool inside = i < count / 2;
      const double rho = inside ? r.uniform(0, radius * 0.5) : r.uniform(radius * 0.7, radius);
      const double angle = r.uniform(0, 2 * M_PI);
      add(d, rho * std::sin(angle) + r.normal(0, noise), rho * std::cos(angle) + r.normal(0, noise),
          inside ? 1 : 0);
    }
  } else if (name == "gauss") {
    for (int i = 0; i < count; ++i) {
      const bool positive = i < count / 2;
      const double c = positive ? 2 : -2;
      add(d, r.normal(c, 1 + noise), r.normal(c, 1 + noise), positive ? 1 : 0);
    }
  } else if (name == "spiral") {
    const int n = count / 2;
    for (int label = 1; label >= 0; --label) {
      const double delta = label ? 0 : M_PI;
      for (int i = 0; i < (label ? n : count - n); ++i) {
        const double rho = static_cast<double>(i) / n * 5;
        const double t = 1.75 * i / n * 2 * M_PI + delta;
        add(d, rho * std::sin(t) + r.normal(0, noise), rho * std::cos(t) + r.normal(0, noise),
            label);
      }
    }
  } else if (name == "line") {
    for (int i = 0; i < count; ++i) {
      const double x = r.uniform(-6, 6);
      d.x.push_back({x});
      d.y.push_back({(x + r.normal(0, noise)) / 6});
    }
  } else if (name == "plane") {
    for (int i = 0; i < count; ++i) {
      const double x = r.uniform(-6, 6), y = r.uniform(-6, 6);
      d.x.push_back({x, y});
      d.y.push_back({(x - y + r.normal(0, noise)) / 12});
    }
  } else {
    const std::string names =
        join(playground_names(), ", ", [](const auto& entry) { return entry.first; });
    throw UserError("unknown data set '" + name + "': use " + names + ", or a CSV file (FILE.csv)");
  }
  return d;
}

Dataset read_csv_dataset(const std::string& path, int inputs, int outputs) {
  return parse_csv_dataset(read_input_file(path, kDataFile), path, inputs, outputs);
}

Dataset parse_csv_dataset(const std::string& text, const std::string& path, int inputs,
                          int outputs) {
  std::istringstream in(text);
  Dataset d;
  std::string line;
  int number = 0;
  const std::size_t columns = static_cast<std::size_t>(inputs + outputs);
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    refuse_control_bytes(path, number, line);
    std::vector<double> values;
    std::vector<std::size_t> starts;
    std::stringstream fields(line);
    bool numeric = true;
    std::size_t start = 0, bad_column = 0;
    for (std::string field; std::getline(fields, field, ',');) {
      starts.push_back(start);
      start += field.size() + 1;
      const std::size_t first = field.find_first_not_of(" \t"),
                        last = field.find_last_not_of(" \t");
      const std::string f = first == std::string::npos ? "" : field.substr(first, last - first + 1);
      char* end = nullptr;
      const double v = std::strtod(f.c_str(), &end);
      if (f.empty() || *end != '\0' || !std::isfinite(v)) {
        if (numeric) bad_column = starts.size();
        numeric = false;
      }
      values.push_back(v);
    }
    if (!numeric && d.size() == 0 && number == 1) continue;  // a header
    if (!numeric)
      throw UserError(
          SourceLocation{path, number, static_cast<int>(starts[bad_column - 1]) + 1, line},
          "field " + std::to_string(bad_column) + " is not a number");
    if (values.size() != columns)
      throw UserError(SourceLocation{path, number, 1, line},
                      "expected " + std::to_string(columns) + " fields (" + std::to_string(inputs) +
                          " inputs, then " + std::to_string(outputs) + " targets), found " +
                          std::to_string(values.size()));
    d.x.emplace_back(values.begin(), values.begin() + inputs);
    d.y.emplace_back(values.begin() + inputs, values.end());
  }
  if (d.size() == 0) throw UserError(SourceLocation{path, 0, 0, ""}, "no data rows");
  return d;
}

void split_dataset(const Dataset& all, double validation_fraction, std::uint64_t seed,
                   Dataset& train, Dataset& validation) {
  std::vector<std::size_t> order(all.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  Random r(seed ^ 0x5eed5eedULL);
  for (std::size_t i = order.size(); i > 1; --i)
    std::swap(order[i - 1], order[r.next() % i]);  // Fisher-Yates
  const std::size_t n_validation =
      static_cast<std::size_t>(std::llround(validation_fraction * all.size()));
  train = Dataset();
  validation = Dataset();
  for (std::size_t i = 0; i < order.size(); ++i) {
    Dataset& to = i < order.size() - n_validation ? train : validation;
    to.x.push_back(all.x[order[i]]);
    to.y.push_back(all.y[order[i]]);
  }
}

}  // namespace deltacheck
