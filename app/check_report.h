// check --report: the options of the student's feedback sheet and the writing of it.
#pragma once

#include <string>

#include <boost/program_options.hpp>

#include "exercises/judge/verdict.h"
#include "exercises/model/exercise.h"

namespace deltacheck::app {

/// Adds --report FILE.pdf|.tex|.md and --solutions to `options`.
void add_report_options(boost::program_options::options_description& options);

/// The file --report names; throws UserError unless it ends in .pdf, .tex or .md (called
/// before checking, so a bad name costs nothing).
std::string report_path(const boost::program_options::variables_map& vm);

/// Writes the feedback sheet of `result` (feedback_sheet; with --solutions the worked
/// solutions of the missed parts) to the --report file: Markdown, LaTeX, or a PDF through
/// compile_pdf. Returns false, with the reason on stderr, when the PDF could not be built.
bool write_feedback_report(const boost::program_options::variables_map& vm, const Exercise& ex,
                           const CheckResult& result, const std::string& student);

}  // namespace deltacheck::app
