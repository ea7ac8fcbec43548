// The three renderings of a derivation.
#include "reports/derivation_writer.h"

#include <algorithm>
#include <iomanip>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "symbolic/printer.h"

namespace deltacheck {

namespace {

const char* form_name(Form f) {
  return f == Form::local ? "local" : f == Form::delta ? "delta" : "expanded";
}

struct Section {
  const char* title;
  const char* json_key;
  std::vector<Equation> equations;
};

// The sections, each keeping only the equations `keep` accepts (the deltas of the delta form
// are always kept: the gradients refer to them).
std::vector<Section> sections(const Derivation& d, Form form,
                              const std::function<bool(const EquationKey&)>& keep) {
  const auto kept = [&](std::vector<Equation> list) {
    list.erase(
        std::remove_if(list.begin(), list.end(), [&](const Equation& e) { return !keep(e.key); }),
        list.end());
    return list;
  };
  std::vector<Section> out;
  out.push_back({"forward pass", "forward", kept(d.forward())});
  std::vector<Equation> outputs = d.outputs();
  outputs.push_back(d.loss());
  out.push_back({"output and loss", "outputs", kept(outputs)});
  if (form == Form::delta) out.push_back({"deltas, output layer first", "deltas", d.deltas()});
  out.push_back({"gradients of every weight and bias, output layer first", "gradients",
                 kept(d.gradients(form))});
  out.erase(
      std::remove_if(out.begin(), out.end(), [](const Section& s) { return s.equations.empty(); }),
      out.end());
  return out;
}

}  // namespace

DerivationFormat parse_derivation_format(const std::string& text) {
  if (text == "text") return DerivationFormat::text;
  if (text == "latex") return DerivationFormat::latex;
  if (text == "json") return DerivationFormat::json;
  throw UserError("unknown format '" + text + "': use text, latex or json");
}

void write_derivation(std::ostream& out, const Derivation& d, Form form, DerivationFormat format) {
  write_derivation(
      out, d, form, format, [](const EquationKey&) { return true; }, "");
}

void write_solution(std::ostream& out, const Exercise& ex, const SolutionSheet& sheet, Form form,
                    DerivationFormat format, const std::string& student) {
  if (ex.kind() == ExerciseKind::network) {
    write_derivation(
        out, *sheet.derivation, form, format,
        [&](const EquationKey& k) { return ex.find(k) != nullptr; }, "exercise " + ex.id + ", ");
    return;
  }
  // Symbolic exercises: each truth as an expression; numeric ones: each value, two places
  // beyond what is asked.
  const Network names =
      ex.kind() == ExerciseKind::numeric ? ex.net() : parse_network("1 linear:1", "squared");
  const auto rhs = [&](std::size_t i, Syntax syntax) -> std::string {
    if (ex.kind() == ExerciseKind::symbolic)
      return print_expression(sheet.part_expressions[i], names,
                              {syntax, NameStyle::short_form, true});
    std::ostringstream v;
    v << std::fixed << std::setprecision(ex.numeric().decimals + 2) << sheet.part_values[i];
    return v.str();
  };
  const std::string title = "exercise " + ex.id + (student.empty() ? "" : ", student " + student);
  if (format == DerivationFormat::json) {
    nlohmann::ordered_json doc;
    doc["exercise"] = ex.id;
    if (!student.empty()) doc["student"] = student;
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < ex.parts.size(); ++i)
      list.push_back({{"key", ex.parts[i].answer_key},
                      {"expression", rhs(i, Syntax::text)},
                      {"latex", rhs(i, Syntax::latex)}});
    doc["parts"] = list;
    out << doc.dump(2) << "\n";
    return;
  }
  if (format == DerivationFormat::latex) {
    out << "% deltacheck derive: " << title << "\n\\begin{align*}\n";
    for (std::size_t i = 0; i < ex.parts.size(); ++i)
      out << "  \\text{" << ex.parts[i].answer_key << "} &= " << rhs(i, Syntax::latex)
          << (i + 1 < ex.parts.size() ? " \\\\\n" : "\n");
    out << "\\end{align*}\n";
    return;
  }
  out << "# deltacheck derive: " << title << "\n";
  for (std::size_t i = 0; i < ex.parts.size(); ++i)
    out << ex.parts[i].answer_key << " = " << rhs(i, Syntax::text) << "\n";
}

void write_derivation(std::ostream& out, const Derivation& d, Form form, DerivationFormat format,
                      const std::function<bool(const EquationKey&)>& keep,
                      const std::string& heading) {
  const Network& net = d.network();
  const std::vector<Section> parts = sections(d, form, keep);
  const std::string title = heading + "network \"" + net.spec() + "\", loss " +
                            loss_name(net.loss) + ", form " + form_name(form);

  if (format == DerivationFormat::json) {
    nlohmann::ordered_json doc;
    doc["net"] = net.spec();
    doc["loss"] = loss_name(net.loss);
    doc["form"] = form_name(form);
    for (const Section& s : parts) {
      nlohmann::ordered_json list = nlohmann::ordered_json::array();
      for (const Equation& e : s.equations)
        list.push_back(
            {{"key", e.key.text(net, NameStyle::separated)},
             {"expression", print_expression(e.rhs, net, {Syntax::text, NameStyle::separated})},
             {"latex", print_expression(e.rhs, net, {Syntax::latex, NameStyle::separated})}});
      doc[s.json_key] = list;
    }
    out << doc.dump(2) << "\n";
    return;
  }

  if (format == DerivationFormat::latex) {
    out << "% deltacheck derive: " << title << "\n";
    for (const Section& s : parts) {
      out << "% " << s.title << "\n\\begin{align*}\n";
      for (size_t i = 0; i < s.equations.size(); ++i) {
        const Equation& e = s.equations[i];
        out << "  " << e.key.latex(net)
            << " &= " << print_expression(e.rhs, net, {Syntax::latex, NameStyle::short_form})
            << (i + 1 < s.equations.size() ? " \\\\\n" : "\n");
      }
      out << "\\end{align*}\n";
    }
    return;
  }

  out << "# deltacheck derive: " << title << "\n";
  for (const Section& s : parts) {
    out << "\n# " << s.title << "\n";
    for (const Equation& e : s.equations)
      out << e.key.text(net, NameStyle::short_form) << " = " << print_expression(e.rhs, net)
          << "\n";
  }
}

}  // namespace deltacheck
