// The HTTP API of deltacheck serve, on a server in this process: each route, its errors, its
// limits, and the escaping of hostile answers and keys.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>
#include <sstream>

#include <nlohmann/json.hpp>

#include "exercises/judge/answer_budget.h"
#include "reports/check_writer.h"
#include "reports/exercise_writer.h"
#include "run_command.h"
#include "serve_test_server.h"
#include "server/read_lines.h"
#include "server/web_routes.h"

using namespace deltacheck;
using testing::TestServer;

namespace {

const char* const kQ1 = "assign-q1-squared";

// Right answers of Q1's first two parts, one with a known mistake, an unreadable one.
const char* const kAnswers =
    "z1_1 = w1_11*x1 + w1_12*x2 + w1_13*x3 + b1_1\n"
    "z1_2 = 1/2*w1_21*x1\n"
    "a1_1 = relu(z1_1\n";

nlohmann::json body_of(const httplib::Result& r) {
  REQUIRE(r);
  return nlohmann::json::parse(r->body);
}

// The slowest Q1 file within the answer budgets: every part as costly as allowed, each with
// powers of its own (values are remembered from part to part), seconds in all.
std::string costly_answers(const TestServer& server) {
  const nlohmann::json q1 = body_of(server.client().Get("/api/exercises/assign-q1-squared"));
  std::string costly;
  std::size_t p = 0;
  for (const auto& part : q1["parts"]) {
    costly += part["key"].get<std::string>() + " = ";
    for (std::size_t k = 1; k <= (kMaxFileNodes / 27 - 1) / 3; ++k)
      costly += (k > 1 ? " + x1^(" : "x1^(") + std::to_string(k) + "/" +
                std::to_string(k + 3 + 97 * p) + ")";
    costly += "\n";
    ++p;
  }
  return costly;
}

}  // namespace

TEST_CASE("serve api: the exercise list is list --json's, an exercise carries its parts and template",
          "[serve]") {
  TestServer server;
  auto client = server.client();
  const auto list = client.Get("/api/exercises");
  REQUIRE(list);
  CHECK(list->status == 200);
  std::ostringstream expected;
  write_exercise_list(expected,
                      {load_exercise("assign-q1-squared"), load_exercise("numeric-q2-step")}, true);
  CHECK(list->body == expected.str());
  const nlohmann::json q1 = body_of(client.Get("/api/exercises/assign-q1-squared"));
  CHECK(q1["kind"] == "network");
  CHECK(q1["parts"].size() == 27);
  CHECK(q1["parts"][0]["key"] == "z1_1");
  CHECK(q1["network"]["spec"] == "3 relu:2 sigmoid:2 sigmoid:1");
  CHECK_THAT(q1["template"].get<std::string>(), Catch::Contains("\nz1_1 = \n"));
  const auto svg = client.Get("/api/exercises/assign-q1-squared/network.svg");
  REQUIRE(svg);
  CHECK(svg->get_header_value("Content-Type") == "image/svg+xml");
}

TEST_CASE("serve api: a numeric exercise gives each student their own numbers", "[serve]") {
  TestServer server;
  auto client = server.client();
  const nlohmann::json plain = body_of(client.Get("/api/exercises/numeric-q2-step"));
  const nlohmann::json alice = body_of(client.Get("/api/exercises/numeric-q2-step?student=alice"));
  CHECK(alice["student"] == "alice");
  CHECK(alice["notes"] != plain["notes"]);
  const auto bad = client.Get("/api/exercises/numeric-q2-step?student=a%20b");
  REQUIRE(bad);
  CHECK(bad->status == 400);
}

TEST_CASE("serve api: read gives each line's reading as text and LaTeX, or its located error",
          "[serve]") {
  TestServer server;
  auto client = server.client();
  const nlohmann::json doc = body_of(client.Post("/api/read/assign-q1-squared", kAnswers, "text/plain"));
  const nlohmann::json& lines = doc["lines"];
  REQUIRE(lines.size() == 3);
  CHECK(lines[0]["key"] == "z1_1");
  CHECK(lines[0]["error"].is_null());
  CHECK_THAT(lines[0]["latex"].get<std::string>(), Catch::Contains("w^{(1)}_{11}"));
  CHECK(lines[1]["read_as"] == "(1/2)*w1_21*x1");  // the grouping made explicit
  CHECK_THAT(lines[1]["latex"].get<std::string>(), Catch::Contains("\\frac{1}{2}"));
  CHECK(lines[2]["key"] == "a1_1");
  CHECK(lines[2]["error"]["line"] == 3);
  CHECK(lines[2]["error"]["column"] == 12);
  CHECK_THAT(lines[2]["error"]["message"].get<std::string>(), Catch::Contains("never closed"));
  CHECK(doc.dump().find("verdict") == std::string::npos);  // read shows no verdict
}

TEST_CASE("serve api: check answers exactly the check --json document", "[serve]") {
  TestServer server;
  auto client = server.client();
  const auto r = client.Post("/api/check/assign-q1-squared", kAnswers, "text/plain");
  REQUIRE(r);
  CHECK(r->status == 200);
  Checker checker(load_exercise(kQ1));
  std::ostringstream expected;
  write_check_json(expected, checker.check(parse_answer_file(kAnswers, server::kAnswerFileName)));
  CHECK(r->body == expected.str());
  const nlohmann::json doc = nlohmann::json::parse(r->body);
  CHECK(doc["parts"][1]["verdict"] == "incorrect");
}

TEST_CASE("serve api: unknown ids, paths, oversized and unreadable bodies get their status as JSON",
          "[serve]") {
  server::ServeSettings settings;
  settings.body_bytes = 1000;
  TestServer server(settings);
  auto client = server.client();
  for (const char* path : {"/api/check/nope", "/api/check/..%2F..%2Fetc%2Fpasswd",
                           "/api/read/exercises%2Flibrary%2Fassign-q1-squared.yaml"}) {
    const auto r = client.Post(path, "z1_1 = 1\n", "text/plain");
    REQUIRE(r);
    CHECK(r->status == 404);
    CHECK(body_of(r)["error"]["status"] == 404);
  }
  const auto big = client.Post("/api/check/assign-q1-squared", std::string(1001, 'a'), "text/plain");
  REQUIRE(big);
  CHECK(big->status == 413);
  CHECK(body_of(big)["error"]["status"] == 413);
  for (const std::string& bad : {std::string("z1_1 = x1\xff\n"), std::string("z1_1 = x1\0\n", 11)}) {
    const auto r = client.Post("/api/read/assign-q1-squared", bad, "text/plain");
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK_THAT(body_of(r)["error"]["message"].get<std::string>(), Catch::Contains("UTF-8"));
  }
  const auto get_check = client.Get("/api/check/assign-q1-squared");
  REQUIRE(get_check);
  CHECK(get_check->status == 404);
  CHECK(body_of(get_check)["error"]["status"] == 404);
}

TEST_CASE("serve api: hostile keys and answers come back as JSON strings under a strict policy",
          "[serve]") {
  TestServer server;
  auto client = server.client();
  const std::string key = "<script>alert(1)</script>", answer = "\"><img src=x onerror=alert(1)>";
  const std::string file = key + " = 1\nz1_1 = " + answer + "\n";
  for (const char* route : {"/api/read/assign-q1-squared", "/api/check/assign-q1-squared"}) {
    const auto r = client.Post(route, file, "text/plain");
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->get_header_value("Content-Type") == "application/json");
    CHECK(r->get_header_value("X-Content-Type-Options") == "nosniff");
    CHECK(r->get_header_value("Content-Security-Policy") == server::kContentSecurityPolicy);
    const std::string text = nlohmann::json::parse(r->body).dump();  // parses: every quote escaped
    CHECK_THAT(text, Catch::Contains(key));
    // The check quotes the line under its error; the preview gives the message alone.
    CHECK_THAT(text, Catch::Contains(std::string(route).find("check") != std::string::npos
                                         ? "onerror"
                                         : "unexpected character '\\\"'"));
  }
  const auto page = client.Get("/");
  REQUIRE(page);
  CHECK_THAT(page->get_header_value("Content-Security-Policy"), Catch::Contains("script-src 'self'"));
  CHECK_THAT(page->get_header_value("Content-Security-Policy"), !Catch::Contains("unsafe-eval"));
  CHECK(page->body.find("<script>") == std::string::npos);  // no inline script on the page
  const auto script = client.Get("/app.js");
  REQUIRE(script);
  for (const char* markup : {"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("})
    CHECK(script->body.find(markup) == std::string::npos);  // text goes in as text only
}

TEST_CASE("serve api: when every slot and the queue are taken, a request is answered 503 at once",
          "[serve]") {
  server::ServeSettings settings;
  settings.running = 1;
  settings.waiting = 0;
  TestServer server(settings);
  {
    const auto held = server.slots().acquire();  // as a check running now would
    REQUIRE(held);
    const auto start = std::chrono::steady_clock::now();
    const auto busy = server.client().Post("/api/check/assign-q1-squared", kAnswers, "text/plain");
    REQUIRE(busy);
    CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < 1.0);
    CHECK(busy->status == 503);
    CHECK(busy->get_header_value("Retry-After") == "1");
    CHECK(body_of(busy)["error"]["status"] == 503);
    CHECK(server.client().Get("/api/exercises")->status == 200);  // the list takes no slot
  }
  const auto freed = server.client().Post("/api/check/assign-q1-squared", kAnswers, "text/plain");
  REQUIRE(freed);
  CHECK(freed->status == 200);
}

TEST_CASE("serve api: an answer file over the time limit is stopped there and answered 422",
          "[serve]") {
  server::ServeSettings settings;
  settings.limits.seconds = 0.05;
  TestServer server(settings);
  const std::string costly = costly_answers(server);
  const auto start = std::chrono::steady_clock::now();
  const auto slow = server.client().Post("/api/check/assign-q1-squared", costly, "text/plain");
  REQUIRE(slow);
  CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < 2.0);
  CHECK(slow->status == 422);
  CHECK_THAT(body_of(slow)["error"]["message"].get<std::string>(),
             Catch::Contains("took longer than the limit of 0.05 s"));
}

TEST_CASE("serve api: a hostile answer file delays no other student: theirs is checked while it runs",
          "[serve]") {
  server::ServeSettings settings;  // two checks at once, each stopped at its limit
  settings.limits.seconds = 0.3 * testing::kSanitizerTimeFactor;
  TestServer server(settings);
  const std::string costly = costly_answers(server);
  using Clock = std::chrono::steady_clock;
  int hostile_status = 0;
  Clock::time_point hostile_done;
  std::thread hostile([&] {
    const auto r = server.client().Post("/api/check/assign-q1-squared", costly, "text/plain");
    hostile_status = r ? r->status : -1;
    hostile_done = Clock::now();
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // the hostile check is running
  const auto start = Clock::now();
  const auto other = server.client().Post("/api/check/assign-q1-squared", kAnswers, "text/plain");
  const auto other_done = Clock::now();
  hostile.join();
  REQUIRE(other);
  CHECK(other->status == 200);
  CHECK((hostile_status == 422 || hostile_status == 200));
  // Answered while the hostile file was still being checked, well within its limit.
  CHECK(other_done < hostile_done);
  CHECK(std::chrono::duration<double>(other_done - start).count() < settings.limits.seconds);
}
