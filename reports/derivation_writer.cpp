// The three renderings of a derivation.
#include "reports/derivation_writer.h"

#include "reports/inline_math.h"

#include <algorithm>
#include <iomanip>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "symbolic/printer.h"
#include "symbolic/written_form.h"

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

// One part of a symbolic or numeric exercise's solution: its key, its right-hand side in both
// syntaxes, and the steps shown before it.
struct PartLines {
  std::string key, key_latex, text, latex;
  std::vector<std::string> steps_text, steps_latex;
};

// Symbolic exercises: each part's written solution (exercises/solve/solution_sheet.h);
// numeric ones: each value, two places beyond what is asked.
std::vector<PartLines> part_lines(const Exercise& ex, const SolutionSheet& sheet) {
  std::vector<PartLines> out;
  for (std::size_t i = 0; i < ex.parts.size(); ++i) {
    if (ex.kind() == ExerciseKind::symbolic) {
      const WrittenSolution& w = sheet.part_solutions[i];
      const std::string& key = ex.parts[i].answer_key;
      out.push_back(
          {key, key_latex(key), w.text, w.latex, w.steps_text, w.steps_latex});
      continue;
    }
    std::ostringstream v;
    v << std::fixed << std::setprecision(ex.numeric().decimals + 2) << sheet.part_values[i];
    // Numeric keys are printed as they always were (z1_1 unescaped: kept byte for byte).
    const std::string& key = ex.parts[i].answer_key;
    out.push_back({key, "\\text{" + key + "}", v.str(), v.str(), {}, {}});
  }
  return out;
}

void write_parts_json(std::ostream& out, const Exercise& ex, const std::string& student,
                      const std::vector<PartLines>& lines) {
  nlohmann::ordered_json doc;
  doc["exercise"] = ex.id;
  if (!student.empty()) doc["student"] = student;
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const PartLines& p : lines) {
    nlohmann::ordered_json part = {{"key", p.key}, {"expression", p.text}, {"latex", p.latex}};
    if (!p.steps_text.empty()) part["steps"] = p.steps_text;
    if (!p.steps_latex.empty()) part["steps_latex"] = p.steps_latex;
    list.push_back(part);
  }
  doc["parts"] = list;
  out << doc.dump(2) << "\n";
}

// One align* of every part; a part's steps are \intertext before its line.
void write_parts_latex(std::ostream& out, const std::string& title,
                       const std::vector<PartLines>& lines) {
  out << "% deltacheck derive: " << title << "\n\\begin{align*}\n";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    for (const std::string& step : lines[i].steps_latex)
      out << "  \\intertext{" << latex_prose(step) << "}\n";
    out << "  " << lines[i].key_latex << " &= " << lines[i].latex
        << (i + 1 < lines.size() ? " \\\\\n" : "\n");
  }
  out << "\\end{align*}\n";
}

// An answer file: each part's steps as comments, a blank line before them.
void write_parts_text(std::ostream& out, const std::string& title,
                      const std::vector<PartLines>& lines) {
  out << "# deltacheck derive: " << title << "\n";
  for (const PartLines& p : lines) {
    if (!p.steps_text.empty()) out << "\n";
    for (const std::string& step : p.steps_text) out << "# " << step << "\n";
    out << p.key << " = " << p.text << "\n";
  }
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
  const std::string title = "exercise " + ex.id + (student.empty() ? "" : ", student " + student);
  const std::vector<PartLines> lines = part_lines(ex, sheet);
  if (format == DerivationFormat::json)
    write_parts_json(out, ex, student, lines);
  else if (format == DerivationFormat::latex)
    write_parts_latex(out, title, lines);
  else
    write_parts_text(out, title, lines);
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
