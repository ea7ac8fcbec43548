// Tests of exercises/read/answer_keys: keys matched to parts through case, misplaced
// underscores, a dropped or swapped letter; names of one's own; what stays unknown.
#include <catch2/catch.hpp>

#include "exercises/read/answer_keys.h"

using namespace deltacheck;

namespace {

// The part key `written` is read as in `id`, with its note; "" when it is no part.
std::pair<std::string, std::string> read_as(const std::string& id, const std::string& written) {
  const Exercise ex = load_exercise(id);
  const KeyReading k = read_key(ex, written);
  return {k.kind == KeyKind::part ? k.name : "", k.note};
}

}  // namespace

TEST_CASE("edit_distance counts a swap of two neighbours as one edit", "[answer_keys]") {
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("dw", "wd") == 1);
  CHECK(edit_distance("delt1a_2", "delta1_2") == 1);
  CHECK(edit_distance("", "abc") == 3);
}

TEST_CASE("a misspelled key answers the one part it is close to, with a note", "[answer_keys]") {
  using P = std::pair<std::string, std::string>;
  CHECK(read_as("assign-q1-squared", "z12_") == P{"z1_2", "read z12_ as z1_2"});
  CHECK(read_as("assign-q1-squared", "a31") == P{"a3_1", "read a31 as a3_1"});
  CHECK(read_as("assign-q1-squared", "Z2_2") == P{"z2_2", "read Z2_2 as z2_2"});
  // One letter dropped: dL/dw2_22 and dL/db2_2 are equally near folded; as written, the first.
  CHECK(read_as("assign-q1-squared", "dL/d2_22") == P{"dL/dw2_22", "read dL/d2_22 as dL/dw2_22"});
  CHECK(read_as("assign-q1-squared", "dL/wd1_21") == P{"dL/dw1_21", "read dL/wd1_21 as dL/dw1_21"});
  CHECK(read_as("numeric-mlp-step", "delt1a_2") == P{"delta1_2", "read delt1a_2 as delta1_2"});
  CHECK(read_as("momentum-update", "DW") == P{"dw", "read DW as dw"});
}

TEST_CASE("names of one's own and wrong indices are not taken for misspelled keys",
          "[answer_keys]") {
  const Exercise q1 = load_exercise("assign-q1-squared");
  for (const char* own : {"e", "err", "s", "grad_out"}) {
    INFO(own);
    CHECK(read_key(q1, own).kind == KeyKind::own);
  }
  // w2_31 has the form of a name of the network but is none of it: an index mistake.
  CHECK(read_key(q1, "w2_31").kind == KeyKind::unknown);
  // Two parts equally near as written: neither is guessed.
  CHECK(read_key(q1, "dL/dw1_2").kind != KeyKind::part);
}

TEST_CASE("a part's aliases in the exercise answer for it, as its statement names it",
          "[answer_keys]") {
  using P = std::pair<std::string, std::string>;
  CHECK(read_as("momentum-update", "dw(m+1)") == P{"dw", "read dw(m+1) as dw"});  // Δw(m+1)
  CHECK(read_as("momentum-update", "Deltaw(m+1)") == P{"dw", "read Deltaw(m+1) as dw"});
  CHECK(read_as("momentum-update", "w(m+1)") == P{"w_next", "read w(m+1) as w_next"});
  CHECK(read_as("momentum-update", "w_new") == P{"w_next", "read w_new as w_next"});
}
