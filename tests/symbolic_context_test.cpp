// Tests of exercises/model/symbolic_context: a symbolic exercise's names, read as declared and
// with the slips of one reading.
#include <catch2/catch.hpp>

#include "exercises/model/exercise.h"
#include "exercises/model/symbolic_context.h"

using namespace deltacheck;
using namespace GiNaC;

namespace {

const char* const kExercise =
    "id: s\ntitle: t\nsymbols: {s3: [0, 1], z_1: [0, 1], y: [0, 1]}\ngiven: {e: s3 - y}\n"
    "parts:\n  - {key: d, ask: the slope, truth: \"diff(s3^2, s3)\"}\n";

// The symbol of the free symbol `name`.
ex symbol_named(const SymbolicContext& context, const std::string& name) {
  for (const auto& [n, s] : context.symbols())
    if (n == name) return s;
  FAIL("no symbol " << name);
  return 0;
}

}  // namespace

TEST_CASE("a symbolic exercise's names read with underscore and case slips of one reading",
          "[symbolic_context]") {
  const Exercise exercise = parse_exercise(kExercise, "s.yaml");
  const SymbolicContext context(exercise);
  const NameResolver names = context.names();
  const ex s3 = symbol_named(context, "s3");
  const ex z1 = symbol_named(context, "z_1");
  CHECK(read_expression("s_3 (1 - s_3)", names).value.is_equal(s3 * (1 - s3)));
  CHECK(read_expression("s_3 (1 - s_3)", names).echo == "s3*(1 - s3)");
  CHECK(read_expression("S3 + z1 + Z_1", names).value.is_equal(s3 + 2 * z1));
  // The student's own e is the given, never Euler's number.
  CHECK(read_expression("e^2", names).value.is_equal(pow(s3 - symbol_named(context, "y"), 2)));
  CHECK_THROWS_WITH(read_expression("s4", names), Catch::Contains("unknown name 's4'"));
  CHECK_THROWS_WITH(read_expression("s_3", context.names({"y"})),
                    Catch::Contains("this part may use y"));
}
