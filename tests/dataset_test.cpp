// Tests of solver/dataset: the Playground sets are seeded and shaped as named, CSV errors name
// their line, the split is exact.
#include <catch2/catch.hpp>

#include <fstream>

#include "core/error.h"
#include "run_command.h"
#include "solver/dataset.h"

using namespace deltacheck;

TEST_CASE("the Playground sets: shape, labels and the same points for the same seed", "[dataset]") {
  for (const auto& [name, kind] : playground_names()) {
    INFO(name);
    const Dataset a = playground(name, 200, 0.1, 7), b = playground(name, 200, 0.1, 7),
                  c = playground(name, 200, 0.1, 8);
    REQUIRE(a.size() == 200);
    CHECK(a.x == b.x);
    CHECK(a.y == b.y);
    CHECK(a.x != c.x);
    int ones = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
      CHECK(a.x[i].size() == (name == "line" ? 1u : 2u));
      REQUIRE(a.y[i].size() == 1);
      if (kind == TargetKind::classes) CHECK((a.y[i][0] == 0 || a.y[i][0] == 1));
      ones += a.y[i][0] == 1;
    }
    if (kind == TargetKind::classes) CHECK((ones > 60 && ones < 140));  // both classes present
  }
  CHECK_THROWS_WITH(playground("moons", 10, 0, 1), Catch::Contains("unknown data set 'moons'"));
}

TEST_CASE("xor labels follow the signs of the coordinates, circle labels the radius", "[dataset]") {
  const Dataset x = playground("xor", 300, 0, 3);
  for (std::size_t i = 0; i < x.size(); ++i)
    CHECK((x.x[i][0] * x.x[i][1] >= 0) == (x.y[i][0] == 1));
  const Dataset c = playground("circle", 300, 0, 3);
  for (std::size_t i = 0; i < c.size(); ++i)
    CHECK((std::hypot(c.x[i][0], c.x[i][1]) < 3) == (c.y[i][0] == 1));
}

TEST_CASE("CSV data: header optional, every bad row named by its line", "[dataset]") {
  const std::string good = testing::write_file("data.csv", "x1,x2,y\n0.5,1,0\n-1, 2 ,1\n\n3,4,1\n");
  const Dataset d = read_csv_dataset(good, 2, 1);
  REQUIRE(d.size() == 3);
  CHECK(d.x[1] == std::vector<double>{-1, 2});
  CHECK(d.y[2] == std::vector<double>{1});
  const std::string no_header = testing::write_file("plain.csv", "0.5,1,0\n");
  CHECK(read_csv_dataset(no_header, 2, 1).size() == 1);
  const std::string bad = testing::write_file("bad.csv", "x1,x2,y\n0.5,1,0\n0.5,abc,1\n");
  CHECK_THROWS_WITH(read_csv_dataset(bad, 2, 1),
                    Catch::Contains("bad.csv:3:5: field 2 is not a number"));
  const std::string short_row = testing::write_file("short.csv", "0.5,1,0\n0.5,1\n");
  CHECK_THROWS_WITH(
      read_csv_dataset(short_row, 2, 1),
      Catch::Contains("short.csv:2:1: expected 3 fields (2 inputs, then 1 targets), found 2"));
  CHECK_THROWS_WITH(read_csv_dataset("/nonexistent.csv", 2, 1),
                    Catch::Contains("cannot read the data file"));
}

TEST_CASE("the validation split holds out the stated fraction, the same for the same seed",
          "[dataset]") {
  const Dataset all = playground("gauss", 100, 0, 1);
  Dataset train, validation, train2, validation2;
  split_dataset(all, 0.2, 5, train, validation);
  split_dataset(all, 0.2, 5, train2, validation2);
  CHECK(train.size() == 80);
  CHECK(validation.size() == 20);
  CHECK(train.x == train2.x);
}
