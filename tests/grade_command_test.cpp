// Tests of deltacheck grade on a generated class: scores, gradebook, Gradescope results, summary,
// faults, determinism.
#include <catch2/catch.hpp>

#include <dirent.h>
#include <sys/stat.h>

#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "run_command.h"

using namespace deltacheck;
using testing::run;
using testing::slurp;

namespace {

const char* const kExercise = "assign-q2-crossentropy";
constexpr int kParts = 13;

void write(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#' && line.find(" = ") != std::string::npos)
      out.push_back(line);
  return out;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string s;
  for (const std::string& l : lines) s += l + "\n";
  return s;
}

std::vector<std::string> files_in(const std::string& dir) {
  std::vector<std::string> names;
  if (DIR* d = opendir(dir.c_str())) {
    while (const dirent* e = readdir(d))
      if (e->d_name[0] != '.') names.push_back(e->d_name);
    closedir(d);
  }
  std::sort(names.begin(), names.end());
  return names;
}

// A class of 207 submissions with the score each must get, and for each part how many get it right.
struct GeneratedClass {
  std::string dir;
  std::map<std::string, int> expected;
  std::vector<int> correct = std::vector<int>(kParts, 0);
};

GeneratedClass make_class() {
  GeneratedClass c;
  c.dir = testing::scratch("class");
  mkdir(c.dir.c_str(), 0755);
  const std::vector<std::string> right =
      lines_of(run(std::string("derive --exercise ") + kExercise).out);
  REQUIRE(right.size() == kParts);
  const auto add = [&](const std::string& student, const std::string& content, int score,
                       int wrong_part) {
    write(c.dir + "/" + student + ".txt", content);
    c.expected[student] = score;
    if (score > 0)
      for (int k = 0; k < kParts; ++k) c.correct[k] += k != wrong_part;
  };
  char name[32];
  for (int i = 0; i < 60; ++i) {  // right, in rotated line orders
    std::vector<std::string> lines = right;
    std::rotate(lines.begin(), lines.begin() + i % kParts, lines.end());
    std::snprintf(name, sizeof name, "right%03d", i);
    add(name, "# my answers\n" + joined(lines), kParts, -1);
  }
  for (int i = 0; i < 60; ++i) {  // partly right: one part wrong
    std::vector<std::string> lines = right;
    const int k = i % kParts;
    lines[k] = lines[k].substr(0, lines[k].find(" = ")) + " = (" +
               lines[k].substr(lines[k].find(" = ") + 3) + ")*2 + x1";
    std::snprintf(name, sizeof name, "partly%03d", i);
    add(name, joined(lines), kParts - 1, k);
  }
  for (int i = 0; i < 30; ++i) {  // malformed: one answer cannot be read, and a line without '='
    std::vector<std::string> lines = right;
    const int k = (i * 5) % kParts;
    lines[k] = lines[k].substr(0, lines[k].find(" = ")) + " = 2a1_1 + ((";
    lines.push_back("this line is not an answer");
    std::snprintf(name, sizeof name, "malformed%03d", i);
    add(name, joined(lines), kParts - 1, k);
  }
  for (int i = 0; i < 20; ++i) {
    std::snprintf(name, sizeof name, "empty%03d", i);
    add(name, i % 2 ? "" : "\n  \n", 0, -1);
  }
  for (int i = 0; i < 20; ++i) {
    std::snprintf(name, sizeof name, "binary%03d", i);
    add(name,
        std::string("\x7f"
                    "ELF\0\0\x01\x02",
                    8) +
            joined(right),
        0, -1);
  }
  for (int i = 0; i < 5; ++i) {
    std::snprintf(name, sizeof name, "latin1%03d", i);
    add(name, joined(right) + "# caf\xe9\n", 0, -1);
  }
  for (int i = 0; i < 2; ++i) {  // 100 MB of text
    std::snprintf(name, sizeof name, "huge%03d", i);
    std::ofstream out(c.dir + "/" + name + ".txt", std::ios::binary);
    const std::string chunk = joined(right) + std::string(1 << 20, '#') + "\n";
    for (std::size_t written = 0; written < 100u << 20; written += chunk.size()) out << chunk;
    c.expected[name] = 0;
  }
  for (int i = 0; i < 5; ++i) {  // a folder with one answer file
    std::snprintf(name, sizeof name, "folder%03d", i);
    mkdir((c.dir + "/" + name).c_str(), 0755);
    write(c.dir + "/" + name + "/answers.txt", joined(right));
    c.expected[name] = kParts;
    for (int k = 0; k < kParts; ++k) ++c.correct[k];
  }
  for (int i = 0; i < 5; ++i) {  // a folder with two files
    std::snprintf(name, sizeof name, "twofiles%03d", i);
    mkdir((c.dir + "/" + name).c_str(), 0755);
    write(c.dir + "/" + name + "/a.txt", joined(right));
    write(c.dir + "/" + name + "/b.txt", joined(right));
    c.expected[name] = 0;
  }
  return c;
}

}  // namespace

TEST_CASE(
    "a class of 207 submissions: every score, the gradebook, the summary, the same bytes with 1 or 2 jobs",
    "[grade_command]") {
  const GeneratedClass c = make_class();
  REQUIRE(c.expected.size() == 207);
  const std::string before = slurp(c.dir + "/right000.txt");
  const std::string csv1 = testing::scratch("grades1.csv"), csv2 = testing::scratch("grades2.csv");
  const std::string out1 = testing::scratch("out1"), out2 = testing::scratch("out2");
  const testing::Run one = run(std::string("grade ") + kExercise + " --dir " + c.dir + " --csv " +
                               csv1 + " --out " + out1 + " --jobs 1");
  const testing::Run two = run(std::string("grade ") + kExercise + " --dir " + c.dir + " --csv " +
                               csv2 + " --out " + out2 + " --jobs 2");
  REQUIRE(one.status == 0);
  REQUIRE(two.status == 0);
  CHECK(one.err.empty());  // not a terminal: no progress bar
  CHECK(one.out == two.out);
  CHECK(slurp(csv1) == slurp(csv2));
  const std::vector<std::string> files = files_in(out1);
  CHECK(files == files_in(out2));
  CHECK(files.size() == c.expected.size() + 2);
  for (const std::string& f : files) CHECK(slurp(out1 + "/" + f) == slurp(out2 + "/" + f));
  for (const std::string& f : files) CHECK(f.find(".tmp-") == std::string::npos);

  // The gradebook: sorted by student, every score as constructed.
  std::istringstream csv(slurp(csv1));
  std::string header;
  std::getline(csv, header);
  CHECK(header.rfind("student,score,max_score,z1_1,a1_1,", 0) == 0);
  CHECK_THAT(header, Catch::EndsWith(",carried_parts,wrong_steps"));
  std::string previous;
  int rows = 0;
  for (std::string row; std::getline(csv, row); ++rows) {
    const std::string student = row.substr(0, row.find(','));
    CAPTURE(row);
    CHECK(student > previous);
    previous = student;
    REQUIRE(c.expected.count(student) == 1);
    const std::string rest = row.substr(row.find(',') + 1);
    CHECK(std::stoi(rest.substr(0, rest.find(','))) == c.expected.at(student));
    CHECK(rest.substr(rest.find(',') + 1, 2) == "13");
  }
  CHECK(rows == static_cast<int>(c.expected.size()));

  // Faults have their reason; the summary counts every part's correct answers.
  const auto empty = nlohmann::json::parse(slurp(out1 + "/empty000.json"));
  CHECK_THAT(empty["fault"].get<std::string>(), Catch::Contains("empty"));
  CHECK_THAT(nlohmann::json::parse(slurp(out1 + "/binary000.json"))["fault"].get<std::string>(),
             Catch::Contains("binary"));
  CHECK_THAT(nlohmann::json::parse(slurp(out1 + "/latin1000.json"))["fault"].get<std::string>(),
             Catch::Contains("not UTF-8"));
  CHECK_THAT(nlohmann::json::parse(slurp(out1 + "/huge000.json"))["fault"].get<std::string>(),
             Catch::Contains("larger than 8 MiB"));
  CHECK_THAT(nlohmann::json::parse(slurp(out1 + "/twofiles000.json"))["fault"].get<std::string>(),
             Catch::Contains("holds 2 files"));
  const auto summary = nlohmann::json::parse(slurp(out1 + "/summary.json"));
  CHECK(summary["students"] == c.expected.size());
  CHECK(summary["not_graded"] == 20 + 20 + 5 + 2 + 5);
  REQUIRE(summary["parts"].size() == kParts);
  for (int k = 0; k < kParts; ++k) {
    CAPTURE(k);
    CHECK(summary["parts"][k]["correct"] == c.correct[k]);
  }
  // Partly-right answers are (truth)*2 + x1: no known mistake, counted as such.
  CHECK(summary["parts"][0]["mistakes"][0]["mistake"] == "no known mistake");
  CHECK_THAT(slurp(out1 + "/summary.txt"),
             Catch::Contains("z1_1: ") && Catch::Contains(" of 207 correct"));
  // Submissions are only read.
  CHECK(slurp(c.dir + "/right000.txt") == before);
}

TEST_CASE("Gradescope results: valid JSON, one test per part, scores that add up",
          "[grade_command]") {
  const std::string solution =
      testing::write_file("ada.txt", run(std::string("derive --exercise ") + kExercise).out);
  const std::string results = testing::scratch("results.json");
  const testing::Run r =
      run(std::string("grade ") + kExercise + " " + solution + " --gradescope " + results);
  REQUIRE(r.status == 0);
  const auto doc = nlohmann::json::parse(slurp(results));
  REQUIRE(doc["tests"].size() == kParts);
  double score = 0, max_score = 0;
  for (const auto& t : doc["tests"]) {
    for (const char* field : {"name", "score", "max_score", "output", "visibility"})
      CHECK(t.contains(field));
    score += t["score"].get<double>();
    max_score += t["max_score"].get<double>();
  }
  CHECK(score == doc["score"].get<double>());
  CHECK(max_score == kParts);
  CHECK(score == kParts);
  // --gradescope is for one submission.
  CHECK(run(std::string("grade ") + kExercise + " " + solution + " " + solution +
            "x --gradescope " + results)
            .status == 2);
}

TEST_CASE("PrairieLearn results: a score from 0 to 1 and one test per part, or format errors",
          "[grade_command]") {
  const std::string right = run(std::string("derive --exercise ") + kExercise).out;
  const std::string results = testing::scratch("pl-results.json");
  const std::string solution = testing::write_file("ada.txt", right);
  REQUIRE(run(std::string("grade ") + kExercise + " " + solution + " --prairielearn " + results)
              .status == 0);
  const auto doc = nlohmann::json::parse(slurp(results));
  CHECK(doc["gradable"] == true);
  CHECK(doc["score"] == 1);
  REQUIRE(doc["tests"].size() == kParts);
  for (const auto& t : doc["tests"]) {
    for (const char* field : {"name", "description", "points", "max_points", "message", "output"})
      CHECK(t.contains(field));
    CHECK(t["points"] == t["max_points"]);
  }
  // One right answer of 13: gradable, the score a fraction.
  const std::string one = testing::write_file("bob.txt", lines_of(right)[0] + "\n");
  REQUIRE(
      run(std::string("grade ") + kExercise + " " + one + " --prairielearn " + results).status ==
      0);
  const auto partly = nlohmann::json::parse(slurp(results));
  CHECK(partly["gradable"] == true);
  CHECK(partly["score"].get<double>() == Approx(1.0 / kParts).epsilon(1e-12));
  // Nothing read as an answer: not gradable, the located errors listed.
  const std::string garbage =
      testing::write_file("cat.txt", "this line is not an answer\nz1_1 = 2a1_1 + ((\n");
  REQUIRE(run(std::string("grade ") + kExercise + " " + garbage + " --prairielearn " + results)
              .status == 0);
  const auto unread = nlohmann::json::parse(slurp(results));
  CHECK(unread["gradable"] == false);
  REQUIRE(unread["format_errors"].size() == 2);
  CHECK_THAT(unread["format_errors"][0].get<std::string>(), Catch::StartsWith(garbage + ":2:"));
  CHECK_THAT(unread["format_errors"][1].get<std::string>(), Catch::StartsWith(garbage + ":1:"));
  // An empty file is a fault: not gradable either.
  const std::string empty = testing::write_file("dan.txt", "");
  REQUIRE(
      run(std::string("grade ") + kExercise + " " + empty + " --prairielearn " + results).status ==
      0);
  CHECK(nlohmann::json::parse(slurp(results))["format_errors"] ==
        nlohmann::json::array({"the submission is empty"}));
  // --prairielearn is for one submission.
  testing::check_user_error(
      std::string("grade ") + kExercise + " " + solution + " " + one + " --prairielearn " + results,
      "--prairielearn writes the results of one submission");
}

TEST_CASE("a submission over the time limit gets 0 with the reason; grading goes on",
          "[grade_command]") {
  const std::string a =
      testing::write_file("slow.txt", run(std::string("derive --exercise ") + kExercise).out);
  const testing::Run r =
      run(std::string("grade ") + kExercise + " " + a + " --time-limit 0.000001 --jobs 2");
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("0/13") && Catch::Contains("took longer than the limit"));
}

TEST_CASE("grade refuses bad usage with exit 2", "[grade_command]") {
  const std::string grade = std::string("grade ") + kExercise;
  testing::check_user_error(grade, "give the submissions as files or as --dir DIR");
  testing::check_user_error(grade + " a.txt --dir .",
                            "give the submissions as files or as --dir DIR");
  testing::check_user_error(grade + " --dir /nonexistent",
                            "/nonexistent: cannot list the directory");
  testing::check_user_error(grade + " a.txt --jobs 0", "--jobs must be 1 to 256, not 0");
}

TEST_CASE("the example Gradescope autograder grades a submission laid out as Gradescope does",
          "[grade_command]") {
  const std::string root = testing::scratch("autograder");
  mkdir(root.c_str(), 0755);
  mkdir((root + "/submission").c_str(), 0755);
  write(root + "/submission/answers.txt", run(std::string("derive --exercise ") + kExercise).out);
  write(root + "/submission_metadata.json",
        "{\"users\": [{\"email\": \"ada@example.org\", \"name\": \"Ada\"}]}");
  const auto autograder = [&] {
    return testing::run_argv(
        {std::string(DELTACHECK_SOURCE_DIR) + "/exercises/gradescope/run_autograder"},
        {{"AUTOGRADER_ROOT", root},
         {"DELTACHECK", DELTACHECK_BINARY},
         {"DELTACHECK_EXERCISE", kExercise}});
  };
  CHECK(autograder().status == 0);
  const auto doc = nlohmann::json::parse(slurp(root + "/results/results.json"));
  CHECK(doc["score"] == kParts);
  CHECK(doc["tests"].size() == kParts);
  // An empty submission folder: 0 with the reason.
  std::remove((root + "/submission/answers.txt").c_str());
  CHECK(autograder().status == 0);
  const auto empty = nlohmann::json::parse(slurp(root + "/results/results.json"));
  CHECK(empty["score"] == 0);
  CHECK_THAT(empty["output"].get<std::string>(), Catch::Contains("no answer file"));
}

TEST_CASE("the example PrairieLearn grader grades a submission laid out as PrairieLearn does",
          "[grade_command]") {
  const std::string root = testing::scratch("grade");
  mkdir(root.c_str(), 0755);
  mkdir((root + "/student").c_str(), 0755);
  write(root + "/student/answers.txt", run(std::string("derive --exercise ") + kExercise).out);
  const auto grader = [&](const std::string& binary) {
    return testing::run_argv(
        {std::string(DELTACHECK_SOURCE_DIR) + "/exercises/prairielearn/run.sh"},
        {{"GRADE_ROOT", root}, {"DELTACHECK", binary}, {"DELTACHECK_EXERCISE", kExercise}});
  };
  CHECK(grader(DELTACHECK_BINARY).status == 0);
  const auto doc = nlohmann::json::parse(slurp(root + "/results/results.json"));
  CHECK(doc["gradable"] == true);
  CHECK(doc["score"] == 1);
  CHECK(doc["tests"].size() == kParts);
  // An empty student folder: not gradable, with the reason.
  std::remove((root + "/student/answers.txt").c_str());
  CHECK(grader(DELTACHECK_BINARY).status == 0);
  const auto empty = nlohmann::json::parse(slurp(root + "/results/results.json"));
  CHECK(empty["gradable"] == false);
  CHECK_THAT(empty["format_errors"][0].get<std::string>(), Catch::Contains("no answer file"));
  // deltacheck cannot run: still valid results, not gradable, saying so.
  CHECK(grader(root + "/no-such-binary").status == 0);
  const auto failed = nlohmann::json::parse(slurp(root + "/results/results.json"));
  CHECK(failed["gradable"] == false);
  CHECK_THAT(failed["message"].get<std::string>(), Catch::StartsWith("The grader failed"));
}
