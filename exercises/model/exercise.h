// The exercise model: a network, what is asked of it, and how many points each part earns; loaded
// from YAML.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/network.h"
#include "symbolic/derivation.h"
#include "symbolic/tokenizer.h"

namespace deltacheck {

/// What an exercise is about: a network's equations (checked at sample points), free
/// symbols with target expressions (seed formulas that are not a whole network), or the
/// numbers of one network at one point, computed by hand (checked to some decimals).
/// The order is that of the alternatives of Exercise::details.
enum class ExerciseKind { network, symbolic, numeric };

/// What a part asks for.
enum class PartKind {
  equation,  // a network equation: z, a, yhat, L, delta, dL/d (equation)
  update,    // numeric: a weight or bias after one gradient-descent step (equation.quantity)
  symbolic,  // an expression of the exercise's symbols (symbolic.truth)
};

/// A wrong answer an exercise names itself (symbolic parts): an expression and what it means.
struct KnownMistake {
  std::string answer, feedback;
};

/// What a part of a symbolic exercise asks, and its truth.
struct SymbolicPart {
  std::string ask;                     // what is asked, in words
  std::string truth;                   // an expression or diff(EXPRESSION, SYMBOL)
  std::vector<std::string> uses;       // the names answers may use (empty: every name)
  std::vector<KnownMistake> mistakes;  // wrong answers the exercise names
  /// The worked solution as the notes write it (s1*(1 - s1)), proven equal to the truth when
  /// the exercise loads and printed as written; "" to print the truth as derived.
  std::string solution;
  /// The working shown before the solution, one line each: prose with formulas between '$'
  /// marks, in the answer syntax (symbolic/written_form.h).
  std::vector<std::string> steps;
};

/// One part asked: its key in answer files, its points, and what it asks.
struct Part {
  std::string answer_key;  // the key as answer files write it: "dL/dw2_11", "new_w2_11", "dl/dyhat"
  PartKind kind = PartKind::equation;
  EquationKey
      equation;  // equation parts: the equation asked; update parts: dL/d of the parameter stepped
  double points = 1;
  SymbolicPart symbolic;  // symbolic parts
  /// Other keys answer files may write for it, as the exercise's own text names the quantity
  /// ("Delta w(m+1)", "w(m+1)"); compared as keys are (notation rewritten, spaces, case and
  /// underscores aside).
  std::vector<std::string> aliases;
};

/// A free symbol of a symbolic exercise and the range its sample values are drawn from.
struct FreeSymbol {
  std::string name;
  double low = -1, high = 1;
};

/// What a network exercise is about: the network, and whether answers may use deltas.
struct NetworkExercise {
  Network net;
  bool allow_deltas = false;  // answers may use delta{l}_j names
};

/// What a symbolic exercise is about: its free symbols and the names defined from them.
struct SymbolicExercise {
  std::vector<FreeSymbol> symbols;                         // in the order declared
  std::vector<std::pair<std::string, std::string>> given;  // name := expression, in order
};

/// A numeric exercise: a network and the numbers of one point, computed by hand.
struct NumericExercise : NetworkExercise {
  int decimals = 4;      // answers are checked to this many decimal places
  int value_digits = 1;  // drawn values are multiples of 10^-value_digits in [-1, 1]
  std::string learning_rate = "0.5";
  std::vector<std::pair<std::string, std::string>>
      values;  // fixed values (name, decimal); the rest drawn
};

/// An exercise (docs/DESIGN.md §7): what it is about, the parts asked, and what answers may use.
/// The part an answer file's key answers (its index), or why a key of the network is not graded.
using PartOrNote = std::variant<std::size_t, std::string>;

struct Exercise {
  std::string id, title, statement;
  std::string source;       // "built-in" or the YAML file's path
  std::vector<Part> parts;  // in the order of the answer template
  Form form = Form::local;  // the form of the worked solution (derive --exercise)
  int sample_points = 8;    // points each answer is checked at (at least 8, docs/DESIGN.md §5)
  /// The share of a part's points a `carried` answer earns (0..1).
  double carried_credit = 0.5;
  /// An answer still in chain-rule factors (da3_1/dz3_1) is `incomplete`, not `correct`.
  bool require_evaluated = false;
  /// What the exercise is about, one alternative per kind (in the order of ExerciseKind).
  std::variant<NetworkExercise, SymbolicExercise, NumericExercise> details;

  /// The kind of the exercise (which alternative `details` holds).
  ExerciseKind kind() const { return static_cast<ExerciseKind>(details.index()); }
  /// The network of a network or numeric exercise; std::logic_error for a symbolic one.
  const NetworkExercise& network() const;
  NetworkExercise& network();
  /// The network of a network or numeric exercise; std::logic_error for a symbolic one.
  const Network& net() const { return network().net; }
  /// The symbols of a symbolic exercise; std::logic_error for another kind.
  const SymbolicExercise& symbolic() const;
  /// The numbers of a numeric exercise; std::logic_error for another kind.
  const NumericExercise& numeric() const;

  /// The part with this key, or nullptr.
  const Part* find(const EquationKey& key) const;
  /// The index of the part an answer file's key names (spaces ignored; any spelling of a
  /// network name), or, for a key of the network this exercise does not ask, why it is not
  /// graded. Throws ExpressionError (offset 0, the start of the key) for an unknown key.
  PartOrNote part_for(const std::string& written) const;
  /// The key as the answer file writes it ("dL/dw2_11", "z1_1").
  std::string key_text(const EquationKey& key) const;
  /// Total points.
  double max_score() const;
};

/// True when two keys name the same equation.
bool same_key(const EquationKey& a, const EquationKey& b);

/// Reads a key of an answer file ("dL/dw2_11", "dL/dw2_1_1", "z1_1", "yhat", "L", "delta2_1")
/// as a key of `net`. Throws ExpressionError (offset 0, the start of the key) saying why when
/// it is not one.
EquationKey parse_key(const std::string& text, const Network& net);

/// What a part asks, in words: "z1_1: the pre-activation of unit 1 of layer 1 (relu)".
std::string describe_part(const EquationKey& key, const Network& net);
/// What part `p` of `ex` asks, in words (for every kind of part).
std::string describe_part(const Part& p, const Exercise& ex);

/// The name of an exercise kind: "network", "symbolic", "numeric".
const char* kind_name(ExerciseKind k);

/// The ids of the built-in exercises (exercises/library/*.yaml), sorted.
std::vector<std::string> builtin_exercise_ids();

/// A built-in exercise by id, or a YAML file by path (anything containing '/' or ending in
/// .yaml/.yml). Throws UserError for an unknown id (listing the ids) or a bad file (with
/// file, line and column of the offending YAML node).
Exercise load_exercise(const std::string& id_or_path);

/// Parses exercise YAML; `source` names it in messages. Refuses at load time anything that
/// could not be checked later: unknown fields, keys that are not in the network, a form too
/// large to print.
Exercise parse_exercise(const std::string& yaml, const std::string& source);

}  // namespace deltacheck
