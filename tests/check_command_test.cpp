// Tests of the check, template and --exercise commands as a student or grader runs them.
#include <catch2/catch.hpp>

#include <chrono>

#include <nlohmann/json.hpp>

#include "run_command.h"

using namespace deltacheck;
using testing::run;
using testing::write_file;

namespace {

const char* const kAssignments[] = {"assign-q1-squared", "assign-q1-crossentropy",
                                    "assign-q2-crossentropy"};

}  // namespace

TEST_CASE("derive --exercise, fed to check, gets full marks and exit 0", "[check_command]") {
  for (const char* id : kAssignments) {
    CAPTURE(id);
    const testing::Run derived = run(std::string("derive --exercise ") + id);
    REQUIRE(derived.status == 0);
    const std::string path = write_file("solution.txt", derived.out);
    const testing::Run checked = run(std::string("check ") + id + " " + path);
    CHECK(checked.status == 0);
    CHECK(checked.err.empty());
    CHECK_THAT(checked.out, Catch::Contains("score: "));
    CHECK(checked.out.find("incorrect") == std::string::npos);
  }
}

TEST_CASE("check --json has the shape of docs/DESIGN.md §6 and scores that add up",
          "[check_command]") {
  const std::string path = write_file("answers.txt",
                                      "dL/dw3_11 = (a3_1 - y)*a2_1\n"
                                      "dL/db3_1 = (a3_1 - y)*a3_1*(1 - a3_1)\n"
                                      "z1_1 = 2a1_1\n");
  const testing::Run r = run("check assign-q1-squared " + path + " --json");
  CHECK(r.status == 1);
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["exercise"] == "assign-q1-squared");
  CHECK(doc["max_score"] == 27);
  REQUIRE(doc["parts"].size() == 27);
  double total = 0;
  for (const auto& p : doc["parts"]) {
    for (const char* field : {"key", "verdict", "feedback", "score", "max_score", "mistake",
                              "read_as", "proved", "line", "carried_from", "steps"})
      CHECK(p.contains(field));
    total += p["score"].get<double>();
  }
  CHECK(total == doc["score"].get<double>());
  CHECK(doc["score"] == 1);
  CHECK(doc["steps"].is_array());  // definitions that are no part: none here
  CHECK(doc["notes"].is_array());
  const auto part = [&](const std::string& key) {
    for (const auto& p : doc["parts"])
      if (p["key"] == key) return p;
    return nlohmann::json();
  };
  CHECK(part("dL/dw3_11")["verdict"] == "incorrect");
  CHECK(part("dL/dw3_11")["mistake"] == "loss-delta-mixup");
  CHECK(part("dL/db3_1")["verdict"] == "correct");
  CHECK(part("z1_1")["verdict"] == "invalid");
  CHECK_THAT(part("z1_1")["feedback"].get<std::string>(),
             Catch::StartsWith(path + ":3:9: 'a1_1': z1_1 may use quantities of the layers"));
  CHECK(part("a1_1")["verdict"] == "missing");
}

TEST_CASE("check --echo shows how each answer was read", "[check_command]") {
  const std::string path = write_file("answers.txt", "dL/db3_1 = 1/2*(a3_1 - y)*a3_1*(1 - a3_1)\n");
  const testing::Run r = run("check assign-q1-squared " + path + " --echo");
  CHECK(r.status == 1);
  CHECK_THAT(r.out, Catch::Contains("read as: (1/2)*(a3_1 - y)*a3_1*(1 - a3_1)"));
  CHECK_THAT(r.out, Catch::Contains("off by a factor of 1/2"));
}

TEST_CASE("the same answers give the same bytes on every run", "[check_command]") {
  const std::string path =
      write_file("answers.txt", "dL/dw1_11 = (a3_1 - y)*x1\nz2_1 = w2_11*x1\na1_1 = relu(z1_1)\n");
  const testing::Run a = run("check assign-q1-crossentropy " + path + " --json");
  const testing::Run b = run("check assign-q1-crossentropy " + path + " --json");
  CHECK(a.out == b.out);
  CHECK(a.status == b.status);
}

TEST_CASE("template lists every part; checked as it is, every part is missing", "[check_command]") {
  const testing::Run t = run("template assign-q2-crossentropy");
  REQUIRE(t.status == 0);
  for (const char* key : {"z1_1 = ", "a2_2 = ", "dL/dw2_21 = ", "dL/db1_1 = "})
    CHECK_THAT(t.out, Catch::Contains(key));
  CHECK_THAT(
      t.out,
      Catch::Contains(
          "# dL/dw1_12: the gradient of the loss for the weight from input x2 to unit 1 of layer 1"));
  const std::string path = write_file("template.txt", t.out);
  const testing::Run r = run("check assign-q2-crossentropy " + path + " --json");
  CHECK(r.status == 1);
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["parts"].size() == 13);
  for (const auto& p : doc["parts"]) CHECK(p["verdict"] == "missing");
  CHECK(doc["problems"].empty());
}

TEST_CASE("check refuses unreadable input with exit 2 and one line", "[check_command]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"check assign-q1-squared /nonexistent/answers.txt",
       "/nonexistent/answers.txt: cannot read the answer file"},
      {"check assign-q9 /dev/null", "unknown exercise 'assign-q9'"},
      {"check assign-q1-squared", "missing answers"},
      {"template", "missing exercise"},
  };
  for (const auto& [args, expected] : cases) testing::check_user_error(args, expected);
}

TEST_CASE("hostile answer files get verdicts within a second, never a crash",
          "[check_command][hostile]") {
  std::string hostile = "dL/dw3_11 = " + std::string(1 << 20, '1') + "\n";
  hostile += "dL/dw3_12 = " + std::string(10000, '(') + "a2_2" + std::string(10000, ')') + "\n";
  hostile += "dL/db3_1 = x1^(10^10^10)\n";
  hostile += std::string("z1_1 = x1\0x2\n", 13);
  hostile += "z1_2 = \xff\xfe\n";
  hostile += "a2_1 = exp(exp(exp(100)))\n";
  hostile += "a2_2 = (a1_1 + 1)^(10^10)\n";
  hostile += "z3_1 = (w3_11*a2_1 + 1)^16 - (w3_11*a2_1 + 1)^16 + w3_11*a2_1 + w3_12*a2_2 + b3_1\n";
  const std::string path = write_file("hostile.txt", hostile);
  const auto start = std::chrono::steady_clock::now();
  const testing::Run r = run("check assign-q1-squared " + path + " --json");
  // A guard against hangs (the whole file takes about 0.25 s), not a speed target.
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
  REQUIRE(r.status == 1);
  const auto doc = nlohmann::json::parse(r.out);
  std::map<std::string, std::string> verdict;
  for (const auto& p : doc["parts"]) verdict[p["key"]] = p["verdict"];
  CHECK(verdict["dL/dw3_11"] == "invalid");
  CHECK(verdict["dL/dw3_12"] == "invalid");
  CHECK(verdict["dL/db3_1"] == "invalid");
  CHECK(verdict["z1_1"] == "invalid");
  CHECK(verdict["z1_2"] == "invalid");
  CHECK(verdict["a2_1"] == "incorrect");
  CHECK(verdict["a2_2"] ==
        "incorrect");  // a huge symbolic power is read, evaluated and found wrong
  CHECK(verdict["z3_1"] == "correct");
}

TEST_CASE("verify --exercise checks the exercise's network", "[check_command]") {
  const testing::Run r = run("verify --exercise assign-q2-crossentropy --points 2");
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("2 tanh:1 sigmoid:2"));
  testing::check_user_error("verify --exercise assign-q2-crossentropy --net '2 sigmoid:1'",
                            "give either --exercise or --net and --loss, not both");
}

TEST_CASE("derive --exercise prints only the exercise's parts, in the form asked",
          "[check_command]") {
  const testing::Run local = run("derive --exercise assign-q2-crossentropy");
  CHECK(local.status == 0);
  CHECK(local.out.find("L = ") == std::string::npos);
  CHECK_THAT(local.out, Catch::Contains(
                            "dL/dw1_11 = ((a2_1 - y1)*w2_11 + (a2_2 - y2)*w2_21)*(1 - a1_1^2)*x1"));
  const testing::Run delta = run("derive --exercise assign-q2-crossentropy --form delta");
  CHECK_THAT(delta.out,
             Catch::Contains("delta1_1 = ") && Catch::Contains("dL/dw1_11 = delta1_1*x1"));
}
