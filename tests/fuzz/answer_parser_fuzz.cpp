// libFuzzer harness for the answer parser: any bytes, as an answer file, are read without a crash,
// hang or leak.
#include <cstddef>
#include <cstdint>
#include <string>

#include "exercises/model/exercise.h"
#include "exercises/read/answer_file.h"
#include "exercises/read/permissions.h"
#include "symbolic/reader.h"

using namespace deltacheck;

// Every line of the input is split into KEY = EXPRESSION, the key read against Q1's network,
// and the expression read with the names the part may use (or every name, for unknown keys).
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Exercise exercise = load_exercise("assign-q1-squared");
  static SymbolTable symbols(exercise.net());
  const AnswerFile file =
      parse_answer_file(std::string(reinterpret_cast<const char*>(data), size), "fuzz.txt");
  for (const UserError& e : file.problems) (void)e.formatted();
  for (const Answer& a : file.answers) {
    std::optional<EquationKey> key;
    try {
      key = parse_key(a.key(), exercise.net());
    } catch (const ExpressionError&) {
    }
    const NameResolver names = key ? part_names(*key, exercise, symbols) : network_names(symbols);
    try {
      const ReadExpression r = read_expression(a.expression(), names);
      (void)r.echo.size();
    } catch (const ExpressionError& e) {
      (void)UserError(file.locate(a, a.expression_begin + e.offset()), e.what()).formatted();
    }
  }
  return 0;
}
