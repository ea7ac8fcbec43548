// Finding the formulas in prose written in the answer syntax, and typesetting them through the
// reader and the printer.
#include "reports/answer_prose.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <vector>

#include "reports/inline_math.h"
#include "symbolic/written_form.h"
#include "reports/report_writer.h"
#include "core/names.h"
#include "symbolic/printer.h"
#include "symbolic/reader.h"

namespace deltacheck {

namespace {

bool is_name(const std::string& s) {
  if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  return true;
}

// dA/dB as it is set in a line of text: \partial A/\partial B.
std::string slash_derivative(const std::string& name) {
  const std::size_t slash = name.find('/');
  return "\\partial " + symbol_latex(name.substr(1, slash - 1)) + "/\\partial " +
         symbol_latex(name.substr(slash + 2));
}

// The name of a formula's symbol, as the printer sets it: a quantity of the network by its own
// name (printed in the network's notation), any other name by its LaTeX.
std::string symbol_name(const std::string& name, bool derivative, const Network* net) {
  if (derivative) return slash_derivative(name);
  if (net) {
    const auto q = resolve_name(name, *net);
    if (q) return quantity_name(*q, *net);
  }
  return symbol_latex(name);
}

// The names written in `formula`: its longest runs of letters, digits and _ that start with a
// letter, and each dA/dB.
std::vector<std::string> written_names(const std::string& formula) {
  std::vector<std::string> names;
  const auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (std::size_t i = 0; i < formula.size();) {
    std::size_t j = i;
    while (j < formula.size() && word(formula[j])) ++j;
    if (j > i && std::isalpha(static_cast<unsigned char>(formula[i]))) {
      names.push_back(formula.substr(i, j - i));
      std::size_t k = j + 1;  // dA/dB
      while (j < formula.size() && formula[j] == '/' && k < formula.size() && word(formula[k])) ++k;
      if (k > j + 1) names.push_back(formula.substr(i, k - i));
    }
    i = j > i ? j : i + 1;
  }
  return names;
}

// Each name written in the formula (written_names) a symbol named by its LaTeX, one per name;
// dA/dB a partial derivative. Other names, the parts the reader tries of a longer name, are
// refused, so yhat is never y*h*a*t.
NameResolver open_names(std::map<std::string, GiNaC::symbol>& made,
                        const std::vector<std::string>& written, const Network* net) {
  return [&made, written, net](const std::string& name, std::size_t offset) -> NameMeaning {
    if (std::find(written.begin(), written.end(), name) == written.end())
      throw ExpressionError(offset, "not written: " + name);
    const std::size_t slash = name.find('/');
    const bool derivative = slash != std::string::npos && name.size() > slash + 2 &&
                            name[0] == 'd' && name[slash + 1] == 'd' &&
                            is_name(name.substr(1, slash - 1)) && is_name(name.substr(slash + 2));
    if (!derivative && !is_name(name)) throw ExpressionError(offset, "not a name: " + name);
    const auto found = made.find(name);
    const GiNaC::symbol s = found != made.end()
                                ? found->second
                                : made.emplace(name, GiNaC::symbol(symbol_name(name, derivative, net)))
                                      .first->second;
    return {s, name};
  };
}

bool is_operator(const std::string& w) { return w == "+" || w == "-" || w == "="; }

// A word that belongs to a formula by itself: an operator, or a word holding one or a bracket.
bool mathematical(const std::string& w) {
  if (w.find('$') != std::string::npos) return false;
  return is_operator(w) || w.find_first_of("*/^()|") != std::string::npos;
}

// A run of words read as a formula (each side of =), or "" when any side cannot be read.
std::string run_latex(const std::string& run, const Network* net) {
  std::string out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t eq = run.find(" = ", start);
    const std::string side = run.substr(start, eq == std::string::npos ? eq : eq - start);
    const bool number = !side.empty() && side.find_first_not_of("0123456789.", side[0] == '-' ? 1 : 0) == std::string::npos;
    try {  // a number keeps its decimals as written (the reader would make 0.5 a half)
      out += (start ? " = " : "") + (number ? side : answer_latex(side, net));
    } catch (const std::exception&) {
      return "";
    }
    if (eq == std::string::npos) return out;
    start = eq + 3;
  }
}

// Text kept as text: $ as \$, * as a centred dot.
std::string as_text(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '$' ? "\\$" : c == '*' ? "$\\cdot$" : std::string(1, c);
  return out;
}

bool ends_clause(const std::string& w) {
  return !w.empty() && std::string(",;:.").find(w.back()) != std::string::npos;
}

// Whether words[k] belongs to a formula: it holds an operator or a bracket, or it is a name or
// a number beside an operator (a name of letters only must be one letter: "a - y", not "is").
bool in_formula(const std::vector<std::string>& words, std::size_t k) {
  std::string w = words[k];
  while (w.size() > 1 && ends_clause(w)) w.pop_back();
  if (mathematical(w)) return true;
  const bool beside_operator = (k > 0 && is_operator(words[k - 1])) ||
                               (k + 1 < words.size() && is_operator(words[k + 1]));
  const bool number = w.find_first_not_of("0123456789.", w[0] == '-' ? 1 : 0) == std::string::npos;
  const bool symbol = is_name(w) && (w.size() == 1 || w.find('_') != std::string::npos ||
                                     !std::isalpha(static_cast<unsigned char>(w.back())));
  return (number || symbol) && beside_operator;
}

// A run of formula words typeset: its closing punctuation, and a bracket it opens or closes
// without its pair ("(x1 = 0.8,"), kept as text around the formula; as text if it cannot be read.
std::string run_prose(std::string run, const Network* net) {
  std::string head, tail;
  while (!run.empty() && ends_clause(run)) tail.insert(0, 1, run.back()), run.pop_back();
  const auto count = [&](char c) { return std::count(run.begin(), run.end(), c); };
  while (!run.empty() && run[0] == '(' && count('(') > count(')')) head += '(', run.erase(0, 1);
  while (!run.empty() && run.back() == ')' && count(')') > count('('))
    tail.insert(0, 1, ')'), run.pop_back();
  const std::string latex = run_latex(run, net);
  return head + (latex.empty() ? as_text(run) : "$" + latex + "$") + tail;
}

}  // namespace

std::string answer_latex(const std::string& formula, const Network* net) {
  std::map<std::string, GiNaC::symbol> made;
  const GiNaC::ex e =
      read_expression(formula, open_names(made, written_names(formula), net)).value;
  if (net) return print_expression(e, *net, {Syntax::latex});
  return print_expression(e, parse_network("1 linear:1", "squared"),
                          {Syntax::latex, NameStyle::short_form, true});
}

std::string answer_prose(const std::string& text, const Network* net) {
  std::vector<std::string> words;
  for (std::size_t i = 0, j; i < text.size(); i = j + 1) {
    j = text.find(' ', i);
    if (j == std::string::npos) j = text.size();
    if (j > i) words.push_back(text.substr(i, j - i));
  }
  std::string out;
  for (std::size_t i = 0; i < words.size();) {
    std::size_t j = i;  // a run ends at a word that ends a clause ("1:", "a(1 - a),")
    while (j < words.size() && in_formula(words, j) && (j == i || !ends_clause(words[j - 1])))
      ++j;
    std::string run = words[i];
    for (std::size_t k = i + 1; k < j; ++k) run += " " + words[k];
    out += (out.empty() ? "" : " ") + (j == i ? as_text(run) : run_prose(run, net));
    i = std::max(j, i + 1);
  }
  return out;
}

}  // namespace deltacheck
