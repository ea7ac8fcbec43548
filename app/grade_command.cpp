// deltacheck grade: a whole class at once, with a gradebook, Gradescope results and what the class got wrong.
#include <iostream>
#include <sstream>
#include <thread>

#include <unistd.h>

#include "app/command_line.h"
#include "app/progress_bar.h"
#include "core/error.h"
#include "exercises/class_summary.h"
#include "reports/atomic_file.h"
#include "reports/grade_writer.h"

namespace po = boost::program_options;

namespace deltacheck::app {

int run_grade(const std::vector<std::string>& args) {
  const Usage usage{"grade", "deltacheck grade EXERCISE (SUBMISSION... | --dir DIR) [--gradescope FILE] [--csv FILE] [--out DIR] [--jobs N]",
                    "Checks every submission (one answer file per student) and prints each score and a class\n"
                    "summary: the score distribution and, for each part, how many were right and which mistakes\n"
                    "were made how often. With --dir, each student is DIR/<student>.txt or a folder DIR/<student>/\n"
                    "holding one answer file. A submission that is empty, binary, not UTF-8, too large, unreadable\n"
                    "or too slow gets 0 with the reason; the others are graded normally. Files are written whole or\n"
                    "not at all, and submissions are only read. Exit status 0 once the class is graded (faults included).",
                    "deltacheck grade assign-q1-squared --dir submissions --csv gradebook.csv --out reports"};
  po::options_description options("options");
  options.add_options()
      ("exercise", po::value<std::string>()->value_name("EXERCISE"), "built-in id (deltacheck list) or YAML file")
      ("submission", po::value<std::vector<std::string>>()->value_name("SUBMISSION"), "answer files; the student id is the file name")
      ("dir", po::value<std::string>()->value_name("DIR"), "a folder of submissions")
      ("gradescope", po::value<std::string>()->value_name("FILE"), "write Gradescope's results.json (one submission)")
      ("csv", po::value<std::string>()->value_name("FILE"), "write the gradebook, one row per student")
      ("out", po::value<std::string>()->value_name("DIR"), "write one JSON report per student and the class summary")
      ("student", po::value<std::string>()->value_name("ID"), "the student id of a single submission (instead of its file name)")
      ("jobs", po::value<int>()->value_name("N"), "worker processes (default: the number of cores)")
      ("time-limit", po::value<double>()->default_value(10)->value_name("S"), "seconds one submission may take");
  po::positional_options_description positional;
  positional.add("exercise", 1).add("submission", -1);
  const auto vm = parse(usage, options, args, &positional);
  if (!vm) return 0;
  const Exercise exercise = load_exercise(required(*vm, "exercise", usage));
  const bool has_dir = vm->count("dir") != 0, has_files = vm->count("submission") != 0;
  if (has_dir == has_files) throw UserError("give the submissions as files or as --dir DIR (one of the two)");
  std::vector<Submission> submissions =
      has_dir ? submissions_in((*vm)["dir"].as<std::string>()) : submissions_from((*vm)["submission"].as<std::vector<std::string>>());
  if (submissions.empty()) throw UserError("no submissions found: each is DIR/<student>.txt or a folder DIR/<student>/");
  if (vm->count("student")) {
    if (submissions.size() != 1) throw UserError("--student names the student of a single submission");
    submissions[0].student = student_from(*vm);
  }
  if (vm->count("gradescope") && submissions.size() != 1)
    throw UserError("--gradescope writes the results of one submission (Gradescope grades one per container); use --out for a class");
  GradeOptions grading;
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  grading.jobs = vm->count("jobs") ? (*vm)["jobs"].as<int>() : static_cast<int>(cores);
  if (grading.jobs < 1 || grading.jobs > 256) throw UserError("--jobs must be 1 to 256, not " + std::to_string(grading.jobs));
  grading.seconds_each = (*vm)["time-limit"].as<double>();
  if (!(grading.seconds_each > 0 && grading.seconds_each <= 3600)) throw UserError("--time-limit must be more than 0 and at most 3600 seconds");
  if (isatty(STDERR_FILENO)) grading.progress = [](std::size_t done, std::size_t total) { draw_progress_bar(done, total, " submissions"); };
  if (vm->count("out")) make_directories((*vm)["out"].as<std::string>());

  const std::vector<StudentGrade> grades = grade_all(exercise, submissions, grading);
  const ClassSummary summary = summarize(exercise, grades);
  if (vm->count("csv")) write_file_atomically((*vm)["csv"].as<std::string>(), gradebook_csv(exercise, grades));
  if (vm->count("gradescope")) write_file_atomically((*vm)["gradescope"].as<std::string>(), gradescope_json(grades[0]));
  if (vm->count("out")) {
    const std::string dir = (*vm)["out"].as<std::string>();
    for (const StudentGrade& g : grades) write_file_atomically(dir + "/" + g.student + ".json", student_json(g));
    write_file_atomically(dir + "/summary.json", summary_json(summary));
    write_file_atomically(dir + "/summary.txt", summary_text(summary));
  }
  std::ostringstream out;
  out << grades_table(grades) << "\n" << summary_text(summary);
  std::cout << out.str();
  return 0;
}

}  // namespace deltacheck::app
