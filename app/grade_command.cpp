// deltacheck grade: a whole class at once, with a gradebook, Gradescope results and what the class
// got wrong.
#include <iostream>
#include <sstream>
#include <thread>

#include <unistd.h>

#include "app/command_line.h"
#include "app/progress_bar.h"
#include "core/error.h"
#include "exercises/grade/class_summary.h"
#include "reports/atomic_file.h"
#include "reports/grade_writer.h"
#include "reports/prairielearn_writer.h"

namespace po = boost::program_options;

namespace deltacheck::app {

namespace {

// The submissions of --dir or of the command line; what --dir skipped is listed on stderr.
std::vector<Submission> submissions_of(const po::variables_map& vm) {
  if (!vm.count("dir")) return submissions_from(vm["submission"].as<std::vector<std::string>>());
  const ClassFolder folder = submissions_in(vm["dir"].as<std::string>());
  for (const SkippedEntry& s : folder.skipped)
    std::cerr << "deltacheck grade: skipped '" << s.name << "': " << s.reason << "\n";
  return folder.submissions;
}

// Throws UserError when a student's report in --out would be overwritten by the class summary.
void refuse_summary_student(const std::vector<Submission>& submissions, const std::string& out) {
  for (const Submission& s : submissions)
    if (s.student == "summary")
      throw UserError("the student 'summary' (" + s.source +
                      ") would be overwritten by the class summary " + out +
                      "/summary.json: rename the submission");
}

// --student names the one submission; --gradescope and --prairielearn take one; --out must not
// collide with a student and is made. Throws UserError saying which rule was broken.
void apply_submission_options(const po::variables_map& vm, std::vector<Submission>& submissions) {
  if (vm.count("student")) {
    if (submissions.size() != 1)
      throw UserError("--student names the student of a single submission");
    submissions[0].student = student_from(vm);
  }
  for (const auto& [option, platform] :
       {std::pair{"gradescope", "Gradescope"}, std::pair{"prairielearn", "PrairieLearn"}})
    if (vm.count(option) && submissions.size() != 1)
      throw UserError(std::string("--") + option + " writes the results of one submission (" +
                      platform + " grades one per container); use --out for a class");
  if (vm.count("out")) refuse_summary_student(submissions, vm["out"].as<std::string>());
  if (vm.count("out")) make_directories(vm["out"].as<std::string>());
}

GradeOptions grading_options(const po::variables_map& vm) {
  GradeOptions grading;
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  grading.jobs = vm.count("jobs") ? vm["jobs"].as<int>() : static_cast<int>(cores);
  if (grading.jobs < 1 || grading.jobs > 256)
    throw UserError("--jobs must be 1 to 256, not " + std::to_string(grading.jobs));
  grading.seconds_each = time_limit_from(vm);
  grading.memory_bytes = memory_limit_from(vm);
  if (isatty(STDERR_FILENO))
    grading.progress = [](std::size_t done, std::size_t total) {
      draw_progress_bar(done, total, " submissions");
    };
  return grading;
}

void write_outputs(const po::variables_map& vm, const Exercise& exercise,
                   const std::vector<StudentGrade>& grades, const ClassSummary& summary) {
  if (vm.count("csv"))
    write_file_atomically(vm["csv"].as<std::string>(), gradebook_csv(exercise, grades));
  if (vm.count("gradescope"))
    write_file_atomically(vm["gradescope"].as<std::string>(), gradescope_json(grades[0]));
  if (vm.count("prairielearn"))
    write_file_atomically(vm["prairielearn"].as<std::string>(),
                          prairielearn_json(exercise, grades[0]));
  if (vm.count("out")) {
    const std::string dir = vm["out"].as<std::string>();
    for (const StudentGrade& g : grades)
      write_file_atomically(dir + "/" + g.student + ".json", student_json(g));
    write_file_atomically(dir + "/summary.json", summary_json(summary));
    write_file_atomically(dir + "/summary.txt", summary_text(summary));
  }
}

}  // namespace

int run_grade(const std::vector<std::string>& args) {
  const Usage usage{
      "grade",
      "deltacheck grade EXERCISE (SUBMISSION... | --dir DIR) [--gradescope FILE] [--prairielearn FILE] [--csv FILE] [--out DIR] [--jobs N]",
      "Checks every submission (one answer file per student) and prints each score and a class\n"
      "summary: the score distribution, the most common wrong step and, for each part, how many were\n"
      "right or carried and which mistakes and wrong steps were made how often. With --dir, each\n"
      "student is DIR/<student>.txt or a folder DIR/<student>/ holding one answer file; every other\n"
      "entry is skipped and listed on stderr. A submission that is empty, binary, not UTF-8, too\n"
      "large, unreadable, not a regular file, a link out of DIR, too slow or too big for\n"
      "--memory-limit gets 0 with the reason; the others are graded normally. Files are written\n"
      "whole or not at all, and submissions are only read. Exit status 0 once the class is graded\n"
      "(faults included); 130 or 143 when interrupted (the workers are stopped too).",
      "deltacheck grade assign-q1-squared --dir submissions --csv gradebook.csv --out reports"};
  po::options_description options("options");
  options.add_options()("exercise", po::value<std::string>()->value_name("EXERCISE"),
                        "built-in id (deltacheck list) or YAML file")(
      "submission", po::value<std::vector<std::string>>()->value_name("SUBMISSION"),
      "answer files; the student id is the file name")(
      "dir", po::value<std::string>()->value_name("DIR"), "a folder of submissions")(
      "gradescope", po::value<std::string>()->value_name("FILE"),
      "write Gradescope's results.json (one submission)")(
      "prairielearn", po::value<std::string>()->value_name("FILE"),
      "write PrairieLearn's external-grader results.json (one submission)")(
      "csv", po::value<std::string>()->value_name("FILE"),
      "write the gradebook, one row per student")(
      "out", po::value<std::string>()->value_name("DIR"),
      "write one JSON report per student and the class summary")(
      "student", po::value<std::string>()->value_name("ID"),
      "the student id of a single submission (instead of its file name)")(
      "jobs", po::value<int>()->value_name("N"), "worker processes (default: the number of cores)");
  add_limit_options(options, "seconds one submission may take",
                    "memory (address space) of each worker: 512M, 1G, or MiB as a plain number");
  po::positional_options_description positional;
  positional.add("exercise", 1).add("submission", -1);
  const auto vm = parse(usage, options, args, &positional);
  if (!vm) return 0;
  const Exercise exercise = load_exercise(required(*vm, "exercise", usage));
  if ((vm->count("dir") != 0) == (vm->count("submission") != 0))
    throw UserError("give the submissions as files or as --dir DIR (one of the two)");
  const GradeOptions grading = grading_options(*vm);
  std::vector<Submission> submissions = submissions_of(*vm);
  if (submissions.empty())
    throw UserError("no submissions found: each is DIR/<student>.txt or a folder DIR/<student>/");
  apply_submission_options(*vm, submissions);

  const std::vector<StudentGrade> grades = grade_all(exercise, submissions, grading);
  const ClassSummary summary = summarize(exercise, grades);
  write_outputs(*vm, exercise, grades, summary);
  std::ostringstream out;
  out << grades_table(grades) << "\n" << summary_text(summary);
  std::cout << out.str();
  return 0;
}

}  // namespace deltacheck::app
