// Worked solutions as documents: one content model rendered to LaTeX or Markdown, and the PDF built
// by latexmk.
#include "reports/report_writer.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <sstream>

#include "core/child_process.h"
#include "core/text.h"
#include "reports/answer_prose.h"
#include "reports/atomic_file.h"
#include "reports/exercise_writer.h"
#include "reports/inline_math.h"
#include "symbolic/written_form.h"
#include "reports/network_figure.h"
#include "symbolic/printer.h"

namespace deltacheck {

namespace {

// One block of the document.
struct Block {
  enum Kind { heading, subheading, paragraph, equations, table, drawing, figure, items } kind;
  std::string text;  // heading, paragraph, figure path, drawing (TikZ)
  std::vector<std::pair<std::string, std::string>> lines;  // equations: (lhs, rhs) in LaTeX
  std::vector<std::vector<std::string>> rows;  // table (first row: header); items: one cell each
  std::vector<std::string> text_drawing;       // drawing, for Markdown
};

using Document = std::vector<Block>;

// Width of a LaTeX formula in characters as it prints: commands, braces and scripts do not count.
std::size_t visible_length(const std::string& s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\') {
      std::size_t j = i + 1;
      while (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j]))) ++j;
      const std::string command = s.substr(i + 1, j - i - 1);
      if (command == "sigma" || command == "delta" || command == "partial" || command == "cdot")
        ++n;
      i = j - 1;
      continue;
    }
    if (s[i] != '{' && s[i] != '}' && s[i] != '^' && s[i] != '_' && s[i] != ' ') ++n;
  }
  return n;
}

// Splits a formula at its top level (outside braces and \left( \right)) into pieces no wider
// than `width`: first at + and -, then between factors, so long equations break across lines.
std::vector<std::string> break_formula(const std::string& s, std::size_t width) {
  if (visible_length(s) <= width) return {s};
  std::vector<std::size_t> sums,
      factors;  // positions of top-level " + "/" - " and of top-level spaces
  int depth = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 5, "\\left") == 0)
      ++depth;
    else if (s.compare(i, 6, "\\right") == 0)
      --depth;
    else if (s[i] == '{')
      ++depth;
    else if (s[i] == '}')
      --depth;
    else if (depth == 0 && s[i] == ' ' && i + 2 < s.size() &&
             (s[i + 1] == '+' || s[i + 1] == '-') && s[i + 2] == ' ')
      sums.push_back(i);
    else if (depth == 0 && s[i] == ' ' && (i == 0 || (s[i - 1] != '+' && s[i - 1] != '-')) &&
             i + 1 < s.size() && s[i + 1] != '+' && s[i + 1] != '-')
      factors.push_back(i);
  }
  const std::vector<std::size_t>& cuts = sums.empty() ? factors : sums;
  std::vector<std::string> pieces;
  std::size_t start = 0, last_good = 0;
  for (std::size_t k = 0; k <= cuts.size(); ++k) {
    const std::size_t at = k < cuts.size() ? cuts[k] : s.size();
    if (visible_length(s.substr(start, at - start)) > width && last_good > start) {
      pieces.push_back(s.substr(start, last_good - start));
      start = last_good + 1;
    }
    last_good = at;
  }
  pieces.push_back(s.substr(start));
  if (sums.empty())  // a product broken between factors: show the multiplication
    for (std::size_t i = 1; i < pieces.size(); ++i) pieces[i] = "\\cdot " + pieces[i];
  return pieces;
}

std::string named_simplifications(const Network& net) {
  std::string s;
  std::vector<Activation> seen;
  for (int l = 1; l <= net.depth(); ++l) {
    const Activation f = net.activation(l);
    if (std::find(seen.begin(), seen.end(), f) != seen.end()) continue;
    seen.push_back(f);
    if (f == Activation::sigmoid) s += "for a sigmoid, $\\sigma'(z) = a(1 - a)$; ";
    if (f == Activation::tanh) s += "for tanh, $\\tanh'(z) = 1 - a^2$; ";
    if (f == Activation::relu)
      s += "for a ReLU, $\\operatorname{relu}'(z) = \\operatorname{step}(z)$ (1 for $z > 0$, else "
           "0); ";
    if (f == Activation::linear) s += "for a linear unit, $f'(z) = 1$; ";
  }
  const Activation out = net.activation(net.depth());
  if (net.loss == Loss::crossentropy)
    s += out == Activation::softmax
             ? "cross-entropy with a softmax output: $\\delta = a - y$ (the targets sum to 1)"
             : "cross-entropy with a sigmoid output: $\\delta = a - y$ ($\\sigma'$ cancels "
               "against $\\partial L / \\partial a$)";
  else
    s += "squared loss: the output delta is $(a - y)\\, f'(z)$";
  return s;
}

// The document under construction, one helper per kind of block.
struct DocumentBuilder {
  Document d;
  void heading(const std::string& t) { d.push_back({Block::heading, t, {}, {}, {}}); }
  void subheading(const std::string& t) { d.push_back({Block::subheading, t, {}, {}, {}}); }
  void paragraph(const std::string& t) { d.push_back({Block::paragraph, t, {}, {}, {}}); }
  void equations(std::vector<std::pair<std::string, std::string>> lines) {
    d.push_back({Block::equations, "", std::move(lines), {}, {}});
  }
};

// A common mistake: the wrong answer and its feedback, typeset (answer_prose).
std::string mistake_text(const KnownMistake& m) {
  std::string answer;
  try {
    answer = "$" + answer_latex(m.answer) + "$";
  } catch (const std::exception&) {
    answer = answer_prose(m.answer);
  }
  return "A common mistake: " + answer + " -- " + answer_prose(m.feedback);
}

// A symbolic exercise: its symbols, then each part's truth and the common mistakes.
void add_symbolic_solution(DocumentBuilder& b, const Exercise& ex, const SolutionSheet& sheet) {
  b.heading("Symbols");
  const std::string names = join(ex.symbolic().symbols, ", ", [](const FreeSymbol& s) {
    return "$" + symbol_latex(s.name) + "$";
  });
  b.paragraph("Symbols: " + names + ".");
  b.heading("Solution");
  for (std::size_t i = 0; i < ex.parts.size(); ++i) {
    const Part& p = ex.parts[i];
    b.subheading("Part " + std::to_string(i + 1));
    std::string ask = p.symbolic.ask + ".";
    ask[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(ask[0])));
    b.paragraph(ask);
    for (const std::string& step : sheet.part_solutions[i].steps_latex) b.paragraph(step);
    b.equations({{key_latex(p.answer_key), sheet.part_solutions[i].latex}});
    for (const KnownMistake& m : p.symbolic.mistakes)
      b.d.push_back({Block::items, "", {}, {{mistake_text(m)}}, {}});
  }
}

// The network in words: "The network has 3 inputs, a layer of 2 ReLU units, ... and the squared
// loss (deltacheck's spec: 3 relu:2 ...)."
std::string network_sentence(const Network& net) {
  std::string s = "The network has " + std::to_string(net.inputs) +
                  (net.inputs == 1 ? " input" : " inputs");
  for (int l = 1; l <= net.depth(); ++l) {
    const int n = net.units(l);
    s += std::string(l == net.depth() ? " and an output layer of " : ", a hidden layer of ") +
         std::to_string(n) + " " + activation_title(net.activation(l)) +
         (n == 1 ? " unit" : " units");
  }
  return s + ", with the " + loss_name(net.loss) + " loss (in deltacheck's notation " +
         net.spec() + ").";
}

// The network drawn, the forward pass and loss, and the delta rules with their simplifications.
void add_network_passes(DocumentBuilder& b, const Derivation& derivation) {
  const Network& net = derivation.network();
  b.heading("The network");
  b.paragraph(network_sentence(net) + " Each layer is fully connected to the next: $w^{(l)}_{jk}$ "
              "joins unit $k$ of layer $l-1$ to unit $j$ of layer $l$.");
  b.d.push_back({Block::drawing, tikz_network(net), {}, {}, network_drawing(net)});
  b.heading("Forward pass");
  std::vector<std::pair<std::string, std::string>> forward;
  for (const auto* list : {&derivation.forward(), &derivation.outputs()})
    for (const Equation& e : *list)
      forward.push_back({e.key.latex(net), print_expression(e.rhs, net, {Syntax::latex})});
  forward.push_back({"L", print_expression(derivation.loss().rhs, net, {Syntax::latex})});
  b.equations(forward);
  b.heading("Backward pass");
  b.paragraph(
      "The deltas $\\delta^{(l)}_j = \\partial L / \\partial z^{(l)}_j$, output layer first. "
      "Simplifications used: " +
      named_simplifications(net) + ".");
  std::vector<std::pair<std::string, std::string>> deltas;
  for (const Equation& e : derivation.deltas())
    deltas.push_back({e.key.latex(net), print_expression(e.rhs, net, {Syntax::latex})});
  b.equations(deltas);
}

// Each gradient the exercise asks (every one for a numeric exercise): chain rule, delta form,
// printed form.
void add_gradients(DocumentBuilder& b, const Exercise& ex, const SolutionSheet& sheet) {
  const Network& net = sheet.derivation->network();
  for (std::size_t i = 0; i < sheet.delta_gradients.size(); ++i) {
    const EquationKey& key = sheet.delta_gradients[i].key;
    if (!ex.find(key) && ex.kind() != ExerciseKind::numeric) continue;
    const Quantity& q = key.quantity;
    b.subheading("Gradient of $" + quantity_latex(q, net) + "$");
    const std::string z = "z^{(" + std::to_string(q.layer) + ")}_{" + std::to_string(q.j) + "}";
    const std::string chain = "\\frac{\\partial L}{\\partial " + z + "}\\, \\frac{\\partial " + z +
                              "}{\\partial " + quantity_latex(q, net) + "}";
    b.equations({{key.latex(net), chain},
                 {"", print_expression(sheet.delta_gradients[i].rhs, net, {Syntax::latex})},
                 {"", print_expression(sheet.printed_gradients[i].rhs, net, {Syntax::latex})}});
  }
}

// A numeric exercise's numbers and the value of every part to the decimals asked.
void add_numbers(DocumentBuilder& b, const Exercise& ex, const SolutionSheet& sheet,
                 const std::string& student) {
  const Network& net = ex.net();
  b.heading("The numbers");
  std::string values;
  for (const auto& [q, v] : sheet.numbers->values())
    values +=
        (values.empty() ? "" : ", ") + ("$" + quantity_latex(q, net) + " = " + v.text() + "$");
  b.paragraph(
      (student.empty() ? std::string("The example numbers") : "The numbers of student " + student) +
      ": " + values + "; learning rate $\\eta = " + ex.numeric().learning_rate +
      "$. Every value to " + std::to_string(ex.numeric().decimals) + " decimal places:");
  Block t{Block::table, "", {}, {{"part", "value"}}, {}};
  for (std::size_t i = 0; i < ex.parts.size(); ++i)
    t.rows.push_back(
        {ex.parts[i].answer_key, fixed_text(sheet.part_values[i], ex.numeric().decimals)});
  b.d.push_back(t);
}

// Digits of agreement rounded down to a tenth, as the verification table prints them.
std::string agreement_digits(double x) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(1) << std::floor(x * 10) / 10;
  return s.str();
}

// The verification table: for each parameter the fewest digits each pair agrees on over all points.
void add_verification(DocumentBuilder& b, const VerifyResult& v) {
  b.heading("Verification");
  b.paragraph(
      "Every gradient computed three ways at 4 sample points with 50 significant digits: the symbolic derivation, the backprop, and finite "
      "differences. The table gives the fewest digits on which each pair agrees (all must agree to " +
      std::to_string(static_cast<int>(v.required)) + ").");
  Block t{Block::table,
          "",
          {},
          {{"parameter", "symbolic vs backprop", "symbolic vs finite differences",
            "backprop vs finite differences"}},
          {}};
  for (std::size_t p = 0; p < v.rows[0].size(); ++p) {
    double a = 1e9, c = 1e9, e = 1e9;
    for (const auto& rows : v.rows)
      a = std::min(a, rows[p].symbolic_backprop), c = std::min(c, rows[p].symbolic_fd),
      e = std::min(e, rows[p].backprop_fd);
    t.rows.push_back({"$" + quantity_latex(v.rows[0][p].parameter, v.net) + "$",
                      agreement_digits(a), agreement_digits(c), agreement_digits(e)});
  }
  b.d.push_back(t);
}

// The training figures, when a folder of them is given.
void add_training(DocumentBuilder& b, const std::string& plots) {
  if (plots.empty()) return;
  b.heading("Training");
  b.paragraph(
      "The loss per epoch, the decision boundary (for two inputs) and the gradient norm of each layer, from deltacheck train.");
  for (const char* figure : {"loss", "boundary", "gradients"})
    b.d.push_back({Block::figure, plots + "/" + figure, {}, {}, {}});
}

// The statement's paragraphs: a line that starts an item, "(1) ...", starts a new one.
std::vector<std::string> statement_paragraphs(const std::string& statement) {
  std::vector<std::string> paragraphs{""};
  std::istringstream in(statement);
  for (std::string line; std::getline(in, line);) {
    const bool item = line.size() > 2 && line[0] == '(' &&
                      std::isdigit(static_cast<unsigned char>(line[1])) && line[2] == ')';
    if (item && !paragraphs.back().empty()) paragraphs.push_back("");
    paragraphs.back() += (paragraphs.back().empty() ? "" : "\n") + line;
  }
  return paragraphs;
}

// The blocks of the report, in reading order.
Document build(const Exercise& ex, const SolutionSheet& sheet, const ReportOptions& o) {
  DocumentBuilder b;
  b.heading("Statement");
  for (const std::string& paragraph : statement_paragraphs(ex.statement)) b.paragraph(paragraph);
  if (ex.kind() == ExerciseKind::symbolic) {
    add_symbolic_solution(b, ex, sheet);
    return b.d;
  }
  add_network_passes(b, *sheet.derivation);
  add_gradients(b, ex, sheet);
  if (ex.kind() == ExerciseKind::numeric) add_numbers(b, ex, sheet, o.student);
  add_verification(b, *sheet.verification);
  add_training(b, o.plots);
  return b.d;
}

// Equation lines as align* rows, long right-hand sides broken across lines.
std::vector<std::string> aligned(const std::vector<std::pair<std::string, std::string>>& lines) {
  std::vector<std::string> rows;
  for (const auto& [lhs, rhs] : lines) {
    const std::vector<std::string> pieces = break_formula(rhs, 70);
    rows.push_back(lhs + " &= " + pieces[0]);
    for (std::size_t i = 1; i < pieces.size(); ++i) rows.push_back("&\\quad " + pieces[i]);
  }
  return rows;
}

std::string join(const std::vector<std::string>& rows, const std::string& separator) {
  std::string s;
  for (std::size_t i = 0; i < rows.size(); ++i) s += (i ? separator : "") + rows[i];
  return s;
}

}  // namespace

std::string symbolic_latex(const GiNaC::ex& e) {
  return print_expression(e, parse_network("1 linear:1", "squared"),
                          {Syntax::latex, NameStyle::short_form, true});
}

std::string report_latex(const Exercise& ex, const SolutionSheet& sheet, const ReportOptions& o) {
  std::ostringstream out;
  out << "% deltacheck report " << ex.id << (o.student.empty() ? "" : " --student " + o.student)
      << "\n"
      << "\\documentclass[11pt]{article}\n\\usepackage[margin=2cm]{geometry}\n\\usepackage{cmap}\n\\usepackage[T1]{fontenc}\n\\usepackage{amsmath,amssymb}\n"
      << "\\usepackage{tikz}\n\\usepackage{graphicx}\n\\usepackage{booktabs}\n\\allowdisplaybreaks\n\\emergencystretch=3em\n\\setlength{\\parindent}{0pt}\n\\setlength{\\parskip}{0.5em}\n"
      << "\\title{" << latex_prose(ex.title) << "}\n\\author{deltacheck: " << latex_escape(ex.id)
      << (o.student.empty() ? "" : ", student " + latex_escape(o.student))
      << "}\n\\date{}\n\\begin{document}\n\\maketitle\n";
  for (const Block& b : build(ex, sheet, o)) {
    switch (b.kind) {
      case Block::heading:
        out << "\\section*{" << latex_prose(b.text) << "}\n";
        break;
      case Block::subheading:
        out << "\\subsection*{" << latex_prose(b.text) << "}\n";
        break;
      case Block::paragraph:
        out << latex_prose(b.text) << "\n\n";
        break;
      case Block::equations:
        out << "\\begin{align*}\n" << join(aligned(b.lines), " \\\\\n") << "\n\\end{align*}\n";
        break;
      case Block::drawing:
        out << "\\begin{center}\n" << b.text << "\\end{center}\n";
        break;
      case Block::items:
        out << "\\begin{itemize}\n\\item " << latex_prose(b.rows[0][0]) << "\n\\end{itemize}\n";
        break;
      case Block::figure:
        out << "\\begin{center}\n\\includegraphics[width=0.7\\textwidth]{" << b.text
            << ".pdf}\n\\end{center}\n";
        break;
      case Block::table: {
        out << "\\begin{center}\n\\begin{tabular}{l" << std::string(b.rows[0].size() - 1, 'r')
            << "}\n\\toprule\n";
        for (std::size_t r = 0; r < b.rows.size(); ++r) {
          std::vector<std::string> cells;
          for (const std::string& c : b.rows[r]) cells.push_back(latex_prose(c));
          out << join(cells, " & ") << " \\\\\n" << (r == 0 ? "\\midrule\n" : "");
        }
        out << "\\bottomrule\n\\end{tabular}\n\\end{center}\n";
        break;
      }
    }
  }
  out << "\\end{document}\n";
  return out.str();
}

std::string report_markdown(const Exercise& ex, const SolutionSheet& sheet,
                            const ReportOptions& o) {
  std::ostringstream out;
  out << "# " << ex.title << "\n\n*deltacheck report: " << ex.id
      << (o.student.empty() ? "" : ", student " + o.student)
      << ". The mathematics is written as $...$ and $$...$$, which GitHub and Jupyter "
         "render.*\n\n";
  for (const Block& b : build(ex, sheet, o)) {
    switch (b.kind) {
      case Block::heading:
        out << "## " << b.text << "\n\n";
        break;
      case Block::subheading:
        out << "### " << b.text << "\n\n";
        break;
      case Block::paragraph:
        out << b.text << (b.text.empty() || b.text.back() != '\n' ? "\n\n" : "\n");
        break;
      case Block::equations:
        out << "$$\n\\begin{aligned}\n"
            << join(aligned(b.lines), " \\\\\n") << "\n\\end{aligned}\n$$\n\n";
        break;
      case Block::drawing:
        out << "```\n" << join(b.text_drawing, "\n") << "\n```\n\n";
        break;
      case Block::items:
        out << "- " << b.rows[0][0] << "\n\n";
        break;
      case Block::figure:
        out << "![" << b.text << "](" << b.text << ".png)\n\n";
        break;
      case Block::table: {
        for (std::size_t r = 0; r < b.rows.size(); ++r) {
          out << "| " << join(b.rows[r], " | ") << " |\n";
          if (r == 0)
            out << "|" << join(std::vector<std::string>(b.rows[0].size(), "---"), "|") << "|\n";
        }
        out << "\n";
        break;
      }
    }
  }
  return out.str();
}

namespace {

constexpr double kLatexSeconds = 300;
namespace fs = std::filesystem;

// A fresh folder in the temporary directory (mkdtemp), removed with all it holds when this goes.
struct TemporaryFolder {
  std::string path;
  TemporaryFolder() {
    std::string name = (fs::temp_directory_path() / "deltacheck-report-XXXXXX").string();
    if (mkdtemp(name.data())) path = name;
  }
  ~TemporaryFolder() {
    std::error_code ignored;
    if (!path.empty()) fs::remove_all(path, ignored);
  }
};

std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The lines of LaTeX's log at and after each error, or the end of latexmk's output when the log has
// none.
std::string latex_errors(const std::string& log, const std::string& output) {
  std::vector<std::string> lines;
  std::istringstream in(log);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::string error;
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (lines[i].rfind("!", 0) == 0 || lines[i].find(".tex:") != std::string::npos)
      for (std::size_t j = i; j < std::min(lines.size(), i + 4); ++j) error += "\n  " + lines[j];
  if (!error.empty()) return error;
  const std::size_t tail = output.size() > 2000 ? output.find('\n', output.size() - 2000) : 0;
  return output.empty() ? " see latexmk's output"
                        : "\n" + output.substr(tail == std::string::npos ? 0 : tail);
}

// Without latexmk: the .tex is written where none is yet, and the message says how to go on.
std::string without_latexmk(const std::string& latex, const std::string& tex_path, bool keep_tex) {
  const std::string install =
      "install LaTeX (apt-get install latexmk texlive-latex-base texlive-latex-recommended texlive-pictures) and run again";
  std::error_code error;
  if (!keep_tex && fs::exists(tex_path, error))
    return "latexmk is not installed, and " + tex_path +
           " exists, so nothing was written: " + install +
           ", or write the LaTeX to a new file with --format latex -o FILE.tex";
  write_file_atomically(tex_path, latex);
  return "latexmk is not installed, so only " + tex_path + " was written: " + install;
}

}  // namespace

std::string compile_pdf(const std::string& latex, const std::string& pdf_path,
                        const std::string& tex_path, bool keep_tex) {
  const TemporaryFolder work;
  if (work.path.empty())
    return "cannot create a folder for LaTeX's work in " + fs::temp_directory_path().string() +
           ": " + std::strerror(errno);
  write_file_atomically(work.path + "/report.tex", latex);
  // Figures are found relative to the PDF's folder.
  std::error_code ignored;
  const fs::path folder =
      fs::weakly_canonical(fs::absolute(fs::path(pdf_path).parent_path(), ignored), ignored);
  ChildOptions o;
  o.directory = work.path;
  o.environment = {{"TEXINPUTS", folder.string() + "/:"}};
  o.seconds = kLatexSeconds;
  o.capture = true;
  o.capture_bytes = 256 << 10;
  const ChildResult r = run_program({"latexmk", "-pdf", "-interaction=nonstopmode",
                                     "-halt-on-error", "-file-line-error", "report.tex"},
                                    o);
  if (r.end == ChildResult::End::not_started && r.start_errno == ENOENT)
    return without_latexmk(latex, tex_path, keep_tex);
  const std::string log = file_text(work.path + "/report.log");
  if (keep_tex) {
    write_file_atomically(tex_path, latex);
    write_file_atomically(tex_path.substr(0, tex_path.size() - 4) + ".log", log);
  }
  if (r.end == ChildResult::End::timed_out)
    return "LaTeX took longer than " + std::to_string(static_cast<int>(kLatexSeconds)) + " s on " +
           pdf_path + " and was stopped";
  if (!r.ok())
    return "LaTeX failed on " + pdf_path + ":" +
           (r.end == ChildResult::End::not_started ? " " + r.error
                                                   : latex_errors(log, r.out + r.err));
  write_file_atomically(pdf_path, file_text(work.path + "/report.pdf"));
  return "";
}

}  // namespace deltacheck
