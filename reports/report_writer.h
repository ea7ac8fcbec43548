// The worked solution of an exercise as a document: LaTeX (for PDF through latexmk) or Markdown
// with $...$ maths.
#pragma once

#include <string>

#include "exercises/model/exercise.h"
#include "exercises/solve/solution_sheet.h"

namespace deltacheck {

/// What goes into a report besides the exercise.
struct ReportOptions {
  std::string student;  // whose numbers a numeric exercise shows
  std::string plots;    // a folder of training figures (loss, boundary, gradients) to include,
                        // relative to the report; "" for none
};

/// An expression of a symbolic exercise in LaTeX as reports print it, names by symbol_latex.
std::string symbolic_latex(const GiNaC::ex& e);

/// The report in LaTeX of `ex` from its `sheet` (solve_exercise with worked_solution; nothing
/// is computed here): statement, the network drawn with TikZ (units with their activation,
/// weights on the edges), notation, forward pass, the loss, the delta rules with the
/// simplifications named, every gradient asked (chain rule, delta form, simplified local
/// form), the numbers of a numeric exercise, a verification table (symbolic vs 50-digit
/// backprop vs finite differences, digits of agreement), and the training figures. Every
/// formula is typeset: the statement's $...$ (latex_prose), names by symbol_latex, the common
/// mistakes and their feedback by answer_prose. Long equations are broken across lines. The
/// same input gives the same bytes.
std::string report_latex(const Exercise& ex, const SolutionSheet& sheet,
                         const ReportOptions& options);

/// The same content in Markdown, maths in $...$ and $$...$$, the network as a text drawing,
/// figures as PNG files.
std::string report_markdown(const Exercise& ex, const SolutionSheet& sheet,
                            const ReportOptions& options);

/// Builds the PDF of the document `latex` at `pdf_path` with latexmk, run by argv (no shell)
/// within 300 s in a temporary folder of its own that is removed afterwards; figures are found
/// relative to the PDF's folder (TEXINPUTS). Only the PDF is written, and with `keep_tex` also
/// `tex_path` (ending in .tex) and LaTeX's log beside it (.log), replacing earlier ones.
/// Without latexmk, writes `tex_path` unless a file is there already (then nothing). Returns
/// "" on success, otherwise what went wrong: latexmk missing (and how to install it), or
/// LaTeX's errors with the lines of the log around them.
std::string compile_pdf(const std::string& latex, const std::string& pdf_path,
                        const std::string& tex_path, bool keep_tex);

}  // namespace deltacheck
