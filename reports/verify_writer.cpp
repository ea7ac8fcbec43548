// Text and JSON renderings of a verification.
#include "reports/verify_writer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

namespace deltacheck {

namespace {

double tenth(double d) { return std::floor(d * 10.0) / 10.0; }

std::string fixed1(double d) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", tenth(d));
  return buffer;
}

std::string pad(const std::string& s, size_t width) {
  return s.size() >= width ? s + " " : s + std::string(width - s.size(), ' ');
}

struct Worst {
  double symbolic_backprop, symbolic_fd, backprop_fd;
};

Worst worst_of(const VerifyResult& r, size_t parameter) {
  Worst w{double(r.digits), double(r.digits), double(r.digits)};
  for (const auto& rows : r.rows) {
    w.symbolic_backprop = std::min(w.symbolic_backprop, rows[parameter].symbolic_backprop);
    w.symbolic_fd = std::min(w.symbolic_fd, rows[parameter].symbolic_fd);
    w.backprop_fd = std::min(w.backprop_fd, rows[parameter].backprop_fd);
  }
  return w;
}

}  // namespace

void write_verification(std::ostream& out, const VerifyResult& r, bool json) {
  const Network& net = r.net;
  const char* form = r.form == Form::local ? "local" : "delta";
  const size_t n_params = r.rows.empty() ? 0 : r.rows[0].size();
  if (json) {
    nlohmann::ordered_json doc;
    doc["net"] = net.spec();
    doc["loss"] = loss_name(net.loss);
    doc["digits"] = r.digits;
    doc["points"] = r.points.size();
    doc["symbolic_form"] = form;
    doc["required_digits"] = r.required;
    doc["worst_digits"] = tenth(r.worst);
    doc["passed"] = r.passed();
    nlohmann::ordered_json params = nlohmann::ordered_json::array();
    for (size_t i = 0; i < n_params; ++i) {
      const Worst w = worst_of(r, i);
      nlohmann::ordered_json values = nlohmann::ordered_json::array();
      for (const auto& rows : r.rows)
        values.push_back({{"symbolic", rows[i].symbolic},
                          {"backprop", rows[i].backprop},
                          {"finite_difference", rows[i].finite_difference}});
      params.push_back({{"name", quantity_name(r.rows[0][i].parameter, net, NameStyle::separated)},
                        {"symbolic_backprop_digits", tenth(w.symbolic_backprop)},
                        {"symbolic_fd_digits", tenth(w.symbolic_fd)},
                        {"backprop_fd_digits", tenth(w.backprop_fd)},
                        {"values", values}});
    }
    doc["parameters"] = params;
    out << doc.dump(2) << "\n";
    return;
  }
  out << "verify: network \"" << net.spec() << "\", loss " << loss_name(net.loss) << ", "
      << r.points.size() << " points, " << r.digits << " digits, symbolic form " << form << "\n";
  out << "digits of agreement, fewest over all points: sym~bp = symbolic vs backprop, sym~fd and bp~fd against finite differences\n\n";
  out << pad("parameter", 12) << pad("backprop at point 1", 26) << pad("sym~bp", 8)
      << pad("sym~fd", 8) << "bp~fd\n";
  for (size_t i = 0; i < n_params; ++i) {
    const Worst w = worst_of(r, i);
    std::string value = r.rows[0][i].backprop;
    if (value.size() > 22) {  // mantissa shortened for the table; --json has every digit
      const auto e = value.find('e');
      value = value.substr(0, 15) + "..." + (e == std::string::npos ? "" : value.substr(e));
    }
    out << pad("dL/d" + quantity_name(r.rows[0][i].parameter, net), 12) << pad(value, 26)
        << pad(fixed1(w.symbolic_backprop), 8) << pad(fixed1(w.symbolic_fd), 8)
        << fixed1(w.backprop_fd) << "\n";
  }
  out << "\nfewest agreeing digits: " << fixed1(r.worst) << " (required " << fixed1(r.required)
      << "): " << (r.passed() ? "verified" : "FAILED") << "\n";
}

}  // namespace deltacheck
