// Tests that check credits every right part of the student corpus (tests/data/student_corpus,
// ten styles of writing), refuses every wrong one naming its mistake, and finds the incomplete.
#include <catch2/catch.hpp>

#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "run_command.h"

using nlohmann::json;
namespace testing = deltacheck::testing;

namespace {

const std::string kCorpus = DELTACHECK_SOURCE_DIR "/tests/data/student_corpus";

/// How one style's files fared: labelled parts, and those judged as labelled.
struct Tally {
  int right = 0, credited = 0, wrong = 0, refused = 0, named = 0, named_ok = 0;
  int carried = 0, carried_ok = 0, incomplete = 0, incomplete_ok = 0;
  std::vector<std::string> failures;
};

/// The corpus manifest (labels.json), read once.
const json& labels() {
  static const json doc = [] {
    std::ifstream in(kCorpus + "/labels.json");
    REQUIRE(in);
    return json::parse(in);
  }();
  return doc;
}

/// The parts of `check EXERCISE FILE --json` by key; empty when the output is not JSON (the
/// whole file refused).
std::map<std::string, json> checked_parts(const json& entry) {
  const testing::Run r = testing::run_argv(
      {DELTACHECK_BINARY, "check", entry["exercise"].get<std::string>(),
       kCorpus + "/" + entry["file"].get<std::string>(), "--json"});
  std::map<std::string, json> parts;
  const json doc = json::parse(r.out, nullptr, false);
  if (doc.is_discarded() || !doc.contains("parts")) return parts;
  for (const json& p : doc["parts"]) parts[p["key"].get<std::string>()] = p;
  return parts;
}

/// Counts one labelled part against its verdict; a miss is recorded in `t.failures`.
void tally_part(const json& label, const json& got, const std::string& file, Tally& t) {
  const std::string want = label["label"], tag = label["mistake"];
  const std::string verdict = got.is_null() ? "(no row)" : got["verdict"].get<std::string>();
  const double score = got.is_null() ? 0 : got["score"].get<double>();
  const std::string mistake = got.is_null() ? "" : got.value("mistake", "");
  bool ok = false;
  if (want == "right") {
    ++t.right;
    ok = verdict == "correct";
    t.credited += ok;
  } else if (want == "carried") {
    ++t.carried;
    ok = verdict == "carried";
    t.carried_ok += ok;
  } else if (want == "incomplete") {
    ++t.incomplete;
    ok = verdict == "incomplete" && score == 0;
    t.incomplete_ok += ok;
  } else {
    ++t.wrong;
    const bool refused = verdict != "correct" && score == 0;
    t.refused += refused;
    ok = refused;
    if (!tag.empty()) {
      ++t.named;
      t.named_ok += refused && mistake == tag;
      ok = ok && mistake == tag;
    }
  }
  if (!ok && t.failures.size() < 12)
    t.failures.push_back(file + " " + label["key"].get<std::string>() + ": labelled " + want +
                         (tag.empty() ? "" : " (" + tag + ")") + ", got " + verdict +
                         (mistake.empty() ? "" : " (" + mistake + ")"));
}

/// Checks every file of `style` and returns the tally.
Tally check_style(const std::string& style) {
  Tally t;
  for (const json& entry : labels()["files"]) {
    if (entry["style"] != style) continue;
    const std::map<std::string, json> parts = checked_parts(entry);
    for (const json& label : entry["parts"]) {
      const auto found = parts.find(label["key"].get<std::string>());
      tally_part(label, found == parts.end() ? json() : found->second, entry["file"], t);
    }
  }
  return t;
}

/// Runs one style and asserts all of it: right credited, wrong refused, mistakes named,
/// carried parts carried, incomplete parts incomplete with no score; prints the style's counts
/// either way.
void run_style(const std::string& style) {
  const Tally t = check_style(style);
  std::cout << "student corpus, " << style << ": " << t.credited << "/" << t.right
            << " right parts credited, " << t.refused << "/" << t.wrong
            << " wrong parts refused, " << t.named_ok << "/" << t.named << " mistakes named, "
            << t.carried_ok << "/" << t.carried << " carried parts carried, "
            << t.incomplete_ok << "/" << t.incomplete << " incomplete parts incomplete\n";
  std::ostringstream misses;
  for (const std::string& f : t.failures) misses << f << "\n";
  INFO("first misses:\n" << misses.str());
  CHECK(t.right > 0);
  CHECK(t.credited == t.right);
  CHECK(t.refused == t.wrong);
  CHECK(t.named_ok == t.named);
  CHECK(t.carried_ok == t.carried);
  CHECK(t.incomplete_ok == t.incomplete);
}

}  // namespace

TEST_CASE("the student corpus has at least 150 files, at least 10 in each of ten styles",
          "[student_corpus]") {
  std::map<std::string, int> per_style;
  for (const json& entry : labels()["files"]) ++per_style[entry["style"].get<std::string>()];
  CHECK(labels()["files"].size() >= 150);
  CHECK(per_style.size() == 10);
  for (const auto& [style, count] : per_style) {
    CAPTURE(style);
    CHECK(count >= 10);
  }
}

TEST_CASE("student corpus: a student who defines deltas and names of their own",
          "[student_corpus]") {
  run_style("definitions");
}

TEST_CASE("student corpus: a student who writes chain-rule factors", "[student_corpus]") {
  run_style("chain-factors");
}

TEST_CASE("student corpus: a student who writes chained steps", "[student_corpus]") {
  run_style("chained-steps");
}

TEST_CASE("student corpus: Unicode", "[student_corpus]") { run_style("unicode"); }

TEST_CASE("student corpus: LaTeX", "[student_corpus]") { run_style("latex"); }

TEST_CASE("student corpus: implicit multiplication", "[student_corpus]") {
  run_style("implicit");
}

TEST_CASE("student corpus: Python", "[student_corpus]") { run_style("python"); }

TEST_CASE("student corpus: primes", "[student_corpus]") { run_style("primes"); }

TEST_CASE("student corpus: numbers with decimal commas", "[student_corpus]") {
  run_style("commas");
}

TEST_CASE("student corpus: misspelled keys", "[student_corpus]") { run_style("misspelled"); }
