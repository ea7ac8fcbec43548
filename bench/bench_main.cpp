// Benchmarks of the symbolic engine and the numeric backprop, printed as a table against the
// issues' targets.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <tuple>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sstream>
#include <string>

#include "bench/harness.h"
#include "exercises/judge/checker.h"
#include "exercises/verify/verify.h"
#include "reports/derivation_writer.h"
#include "solver/backprop.h"
#include "solver/batch_kernels.h"
#include "solver/dataset.h"
#include "solver/sample_points.h"
#include "solver/scalar.h"
#include "solver/trainer.h"

using namespace deltacheck;
using namespace deltacheck::bench;

namespace {

void row(const std::string& figure, const std::string& value, const std::string& target) {
  std::printf("| %-62s | %-12s | %-10s |\n", figure.c_str(), value.c_str(), target.c_str());
}

double derive_seconds(const Network& net, Form form, bool print) {
  return median_seconds([&] {
    const Derivation d(net);
    if (print) {
      std::ostringstream out;
      write_derivation(out, d, form, DerivationFormat::text);
    } else {
      (void)d.gradients(form);
    }
  });
}

template <class T>
double gradient_seconds(const Network& net) {
  const Point p = sample_points(net, 1, 1)[0];
  const ParameterLayout layout(net);
  const NumericPoint<T> n = to_numeric<T>(p, net);
  NetworkState<T> s;
  std::vector<T> grad(layout.size);
  return median_seconds([&] {
    forward(net, layout, n.params.data(), n.x.data(), n.y.data(), s, false);
    backward(net, layout, n.params.data(), n.y.data(), s, grad.data());
  });
}

std::string deep_spec() {
  std::string spec = "32";
  for (int l = 0; l < 9; ++l) spec += " sigmoid:32";
  return spec + " sigmoid:1";
}

// The worked solution of an exercise as an answer file; with `wrong`, every answer times (1 + x1),
// a mistake no mutant matches (the most work for the diagnosis).
std::string solution_text(const Exercise& ex, bool wrong) {
  std::ostringstream out;
  write_solution(out, ex, solve_exercise(ex, "", SheetContents::answers), ex.form,
                 DerivationFormat::text);
  if (!wrong) return out.str();
  std::istringstream in(out.str());
  std::string text;
  for (std::string line; std::getline(in, line);) {
    const auto eq = line.find(" = ");
    text += line.empty() || line[0] == '#' || eq == std::string::npos
                ? line + "\n"
                : line.substr(0, eq) + " = (" + line.substr(eq + 3) + ")*(1 + x1)\n";
  }
  return text;
}

// The pieces of `text` between the `sep` outside parentheses ("(a - y)*a*(1 - a)" and '*':
// three), each without its surrounding spaces.
std::vector<std::string> top_split(const std::string& text, char sep) {
  std::vector<std::string> out(1);
  int depth = 0;
  for (char c : text) {
    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
    if (c == sep && depth == 0)
      out.emplace_back();
    else
      out.back() += c;
  }
  for (std::string& f : out) {
    while (!f.empty() && f.front() == ' ') f.erase(f.begin());
    while (!f.empty() && f.back() == ' ') f.pop_back();
  }
  return out;
}

// `pieces` joined by `sep`.
std::string joined(const std::vector<std::string>& pieces, const std::string& sep) {
  std::string out;
  for (std::size_t i = 0; i < pieces.size(); ++i) out += (i ? sep : "") + pieces[i];
  return out;
}

// Student `student`'s Q1 file as a class writes it: each answer of `right` with its terms and
// factors in an order of their own, spaced their way, and about one answer in twelve wrong
// (sign, a factor of 2, a factor left out, a weight too many). Seeded by the student: the same
// class on every run, and hardly two files alike.
std::string varied_answer_file(const std::string& right, int student) {
  std::mt19937_64 random(static_cast<std::uint64_t>(student) * 7919u + 17u);
  const auto chance = [&](double p) { return std::uniform_real_distribution<>(0, 1)(random) < p; };
  std::istringstream in(right);
  std::string text;
  for (std::string line; std::getline(in, line);) {
    const auto eq = line.find(" = ");
    if (line.empty() || line[0] == '#' || eq == std::string::npos) continue;
    const std::string times = chance(0.2) ? " * " : "*";
    std::vector<std::string> terms = top_split(line.substr(eq + 3), '+');
    if (chance(0.5)) std::shuffle(terms.begin(), terms.end(), random);
    for (std::string& term : terms) {
      std::vector<std::string> factors = top_split(term, '*');
      if (chance(0.7)) std::shuffle(factors.begin(), factors.end(), random);
      term = joined(factors, times);
    }
    std::string rhs = joined(terms, " + ");
    if (chance(0.08)) {
      const int kind = static_cast<int>(random() % 4);
      rhs = kind == 0   ? "-(" + rhs + ")"
            : kind == 1 ? "2*(" + rhs + ")"
            : kind == 2 ? "(" + rhs + ")/2"
                        : "(" + rhs + ")*w3_11";
    }
    if (chance(0.3)) rhs.erase(std::remove(rhs.begin(), rhs.end(), ' '), rhs.end());
    text += line.substr(0, eq) + (chance(0.5) ? " = " : "=") + rhs + "\n";
  }
  return text;
}

// Debian's python3, which sees the python3-torch and python3-sympy packages (a python3 earlier
// on PATH may not).
std::string debian_python() {
  return access("/usr/bin/python3", X_OK) == 0 ? "/usr/bin/python3" : "python3";
}

// The first line a peer script prints, or "" when it could not run (not installed).
std::string peer(const std::string& command) {
  std::string out;
  if (FILE* pipe = popen((command + " 2>/dev/null").c_str(), "r")) {
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, pipe)) out += buffer;
    if (pclose(pipe) != 0) return "";
  }
  return out.substr(0, out.find('\n'));
}

std::string ratio_text(double ratio, bool at_least = false) {
  char b[48];
  std::snprintf(b, sizeof b, ratio < 10 ? "%s%.1fx" : "%s%.0fx", at_least ? ">= " : "", ratio);
  return b;
}

void peer_row(const std::string& figure, const std::string& ours, const std::string& who,
              const std::string& theirs, const std::string& ratio) {
  std::printf("| %-70s | %-12s | %-8s | %-34s | %-9s |\n", figure.c_str(), ours.c_str(),
              who.c_str(), theirs.c_str(), ratio.c_str());
}

std::string write_temporary(const std::string& name, const std::string& text) {
  const std::string path = "/tmp/deltacheck_bench_" + std::to_string(getpid()) + "_" + name;
  std::ofstream(path) << text;
  return path;
}

// Floating-point operations of one training example (a multiply-add is 2), activations apart:
// forward W a + b, the weight and bias gradients, the deltas carried down and times f'
// (2 per hidden unit), and the step (g, its norm, momentum, w + v: 8 per parameter) shared by
// the `batch` examples of a mini-batch.
double training_flops_per_example(const Network& net, int batch) {
  double flops = 0, parameters = 0;
  for (int l = 1; l <= net.depth(); ++l) {
    const double n = net.units(l), m = net.units(l - 1);
    flops += (2 * n * m + n) * 2;           // forward; weight and bias gradients
    if (l > 1) flops += 2 * n * m + 2 * m;  // deltas carried down, times f'
    parameters += n * m + n;
  }
  return flops + 8 * parameters / batch;
}

// The double-precision peak of the machine from /proc/cpuinfo: cores x GHz (the TSC's, as
// lscpu's BogoMIPS / 2) x flops per cycle (`per_cycle`: 2 FMA units x doubles per vector x 2,
// with AVX-512 32, AVX2 and FMA 16, else 4); 0 when unknown.
double peak_gflops(double* ghz, int* per_cycle) {
  std::ifstream info("/proc/cpuinfo");
  double bogomips = 0;
  std::string flags;
  for (std::string line; std::getline(info, line);) {
    if (line.rfind("bogomips", 0) == 0)
      bogomips = std::atof(line.substr(line.find(':') + 1).c_str());
    if (line.rfind("flags", 0) == 0) flags = line + " ";
  }
  const auto has = [&](const char* flag) {
    return flags.find(std::string(" ") + flag + " ") != std::string::npos;
  };
  *per_cycle = has("avx512f") && has("fma") ? 32 : has("avx2") && has("fma") ? 16 : 4;
  *ghz = bogomips / 2000;
  return sysconf(_SC_NPROCESSORS_ONLN) * *ghz * *per_cycle;
}

// Our training rows: the whole process (best wall, mean processor time), in process, the
// achieved GFLOP/s and the machine's peak.
void training_figures(const Network& net, double wall, double cpu, double in_process,
                      const TrainResult& trained) {
  row("process: train spiral 2-16-16-1, 500 epochs x 1000, batch 32 (best of 9)", human(wall), "");
  row("  processor time of the process (mean of 9)", human(cpu), "");
  row("  in process (median), final training accuracy " +
          std::to_string(static_cast<int>(100 * trained.epochs.back().train_accuracy)) + "%",
      human(in_process), ">= 95%");
  const double flops = training_flops_per_example(net, 32) * 500 * 1000;
  char text[96];
  std::snprintf(text, sizeof text, "%.1f / %.1f", flops / in_process / 1e9, flops / wall / 1e9);
  row("  GFLOP/s in process / whole process (" + std::to_string(static_cast<int>(flops / 5e5)) +
          " flop and 32 tanh per example)",
      text, "");
  double ghz = 0;
  int per_cycle = 0;
  const double peak = peak_gflops(&ghz, &per_cycle);
  std::snprintf(text, sizeof text, "%.0f GFLOP/s", peak);
  row("  machine peak: " + std::to_string(sysconf(_SC_NPROCESSORS_ONLN)) + " cores x " +
          std::to_string(ghz).substr(0, 4) + " GHz x " + std::to_string(per_cycle) + " flop/cycle",
      text, "");
}

// PyTorch's lean loop (bench/torch_train.py) on the CSV, best of `runs` for 1 and 2 threads:
// its wall seconds (0 when PyTorch is not installed) and, of the same run, processor seconds.
double torch_seconds(const std::string& csv, int runs, int* best_threads, double* cpu) {
  const std::string python = debian_python();
  double best = 0;
  for (int threads : {1, 2})
    for (int i = 0; i < runs; ++i) {
      const std::string line =
          peer(python + " " + std::string(DELTACHECK_SOURCE_DIR) + "/bench/torch_train.py " + csv +
               " 500 0.03 0.9 1 " + std::to_string(threads));
      double seconds = 0, steps = 0, loss = 0, processor = 0;
      if (std::sscanf(line.c_str(), "%lf %lf %lf %lf", &seconds, &steps, &loss, &processor) != 4)
        continue;
      if (best == 0 || seconds < best) best = seconds, *best_threads = threads, *cpu = processor;
    }
  return best;
}

// Processor seconds (user + system) of the children waited for so far.
double children_cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_CHILDREN, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// Training side by side with PyTorch: "2 tanh:16 tanh:16 sigmoid:1" on the spiral's 1000 points,
// mini-batches of 32, SGD with momentum 0.9, lr 0.03, 500 epochs, double, --validation 0: the
// whole deltacheck train process against PyTorch's training loop alone, each best of several,
// and the processor seconds of each (ours: the mean over the runs).
void training_side_by_side(const std::string& binary) {
  const Network net = parse_network("2 tanh:16 tanh:16 sigmoid:1", "crossentropy");
  const Dataset data = playground("spiral", 1000, 0, 1);
  std::ostringstream csv;
  csv.precision(17);
  for (std::size_t i = 0; i < data.size(); ++i)
    csv << data.x[i][0] << "," << data.x[i][1] << "," << data.y[i][0] << "\n";
  const std::string csv_path = write_temporary("spiral.csv", csv.str());
  const int runs = 9;
  const double cpu_before = children_cpu_seconds();
  const int saved_stderr = dup(2), quiet = open("/dev/null", O_WRONLY);  // its summary line
  dup2(quiet, 2);
  const ProcessCost ours = best_process(
      {binary, "train", "--net", net.spec(), "--loss", "crossentropy", "--data", csv_path,
       "--validation", "0", "--epochs", "500", "--lr", "0.03", "--momentum", "0.9", "--seed", "1"},
      runs);
  dup2(saved_stderr, 2);
  close(quiet), close(saved_stderr);
  const double ours_cpu = (children_cpu_seconds() - cpu_before) / runs;
  TrainOptions o;
  o.lr = 0.03, o.momentum = 0.9, o.epochs = 500;
  TrainResult trained;
  const double in_process = median_seconds(
      [&] { trained = train(net, data, Dataset(), o, initial_parameters(net, Init::xavier, 1)); },
      2);
  training_figures(net, ours.seconds, ours_cpu, in_process, trained);
  int threads = 1;
  double theirs_cpu = 0;
  const double theirs = torch_seconds(csv_path, 3, &threads, &theirs_cpu);
  std::remove(csv_path.c_str());
  if (theirs == 0) {
    row("the same in PyTorch", "not run", "apt-get install python3-torch");
    return;
  }
  row("PyTorch's lean loop, the same training (loop only, best of 3 x {1, 2} threads: " +
          std::to_string(threads) + ")",
      human(theirs), "");
  row("  PyTorch loop / our whole process, wall", ratio_text(theirs / ours.seconds), ">= 30x");
  row("  the same in processor time (" + human(theirs_cpu) + " / " + human(ours_cpu) + ")",
      ratio_text(theirs_cpu / ours_cpu), "");
}

// How derivation, 50-digit gradients and training grow with width and depth: a table, and
// bench/scaling.{dat,gp,png} (the figure is drawn when gnuplot is installed).
void scaling(const std::string& binary) {
  struct Size {
    std::string axis;
    int value;
    std::string spec;
  };
  std::vector<Size> sizes;
  for (int w : {2, 4, 8, 16, 32})
    sizes.push_back(
        {"width", w,
         "4 sigmoid:" + std::to_string(w) + " sigmoid:" + std::to_string(w) + " sigmoid:1"});
  for (int d : {1, 2, 3, 4, 6}) {
    std::string spec = "4";
    for (int l = 0; l < d; ++l) spec += " sigmoid:8";
    sizes.push_back({"depth", d, spec + " sigmoid:1"});
  }
  std::printf(
      "\nScaling (derivation in the delta form, the 50-digit gradient of every parameter, 20 epochs of training on 200 points):\n\n"
      "| %-6s | %-5s | %-10s | %-12s | %-14s | %-12s | %-12s |\n|--------|-------|------------|--------------|----------------|--------------|--------------|\n",
      "axis", "size", "parameters", "derive", "derive memory", "gradient 50d", "train 20 ep");
  std::string dat =
      "# axis size parameters derive_seconds derive_peak_mib gradient50_seconds train_seconds\n";
  for (const Size& s : sizes) {
    const Network net = parse_network(s.spec, "squared");
    const double derive = derive_seconds(net, Form::delta, false);
    const ProcessCost process = best_process(
        {binary, "derive", "--net", s.spec, "--loss", "squared", "--form", "delta"}, 2);
    const double gradient = gradient_seconds<Real50>(net);
    Dataset data;
    for (int i = 0; i < 200; ++i) {
      data.x.push_back(std::vector<double>(4, 0.01 * (i % 17) - 0.08));
      data.y.push_back({static_cast<double>(i % 2)});
    }
    TrainOptions o;
    o.epochs = 20;
    const double train_time = median_seconds(
        [&] { (void)train(net, data, Dataset(), o, initial_parameters(net, Init::xavier, 1)); },
        0.5);
    std::printf("| %-6s | %-5d | %-10d | %-12s | %-14s | %-12s | %-12s |\n", s.axis.c_str(),
                s.value, net.parameter_count(), human(derive).c_str(),
                (std::to_string(static_cast<int>(process.peak_mib)) + " MiB").c_str(),
                human(gradient).c_str(), human(train_time).c_str());
    std::ostringstream line;
    line << s.axis << " " << s.value << " " << net.parameter_count() << " " << derive << " "
         << process.peak_mib << " " << gradient << " " << train_time << "\n";
    dat += line.str();
  }
  const std::string dir = std::string(DELTACHECK_SOURCE_DIR) + "/bench";
  std::ofstream(dir + "/scaling.dat") << dat;
  std::ofstream(dir + "/scaling.gp")
      << "# deltacheck bench: time against the number of parameters (gnuplot scaling.gp)\n"
         "set terminal pngcairo size 900,600 font 'sans,11'\nset output 'scaling.png'\n"
         "set logscale xy\nset xlabel 'parameters'\nset ylabel 'seconds'\nset key top left\n"
         "set title 'growth with width (4-w-w-1) and depth (4-8-...-8-1)'\n"
         "plot 'scaling.dat' using (strcol(1) eq 'width' ? $3 : 1/0):4 with linespoints title 'derive, width', "
         "'' using (strcol(1) eq 'depth' ? $3 : 1/0):4 with linespoints title 'derive, depth', "
         "'' using (strcol(1) eq 'width' ? $3 : 1/0):6 with linespoints title 'gradient 50 digits, width', "
         "'' using (strcol(1) eq 'depth' ? $3 : 1/0):6 with linespoints title 'gradient 50 digits, depth', "
         "'' using (strcol(1) eq 'width' ? $3 : 1/0):7 with linespoints title 'train 20 epochs, width', "
         "'' using (strcol(1) eq 'depth' ? $3 : 1/0):7 with linespoints title 'train 20 epochs, depth'\n";
  if (std::system(("cd '" + dir + "' && gnuplot scaling.gp 2>/dev/null").c_str()) == 0)
    std::printf("\n(figure: bench/scaling.png)\n");
}

}  // namespace

int main(int argc, char** argv) {
  const std::string binary = argc > 1 ? argv[1] : "build/app/deltacheck";
  std::printf("deltacheck benchmarks; %s\n\n", machine_and_date().c_str());
  std::printf("| %-62s | %-12s | %-10s |\n|%s|%s|%s|\n", "figure", "ours", "target",
              std::string(64, '-').c_str(), std::string(14, '-').c_str(),
              std::string(12, '-').c_str());

  const Network q1 = parse_network("3 relu:2 sigmoid:2 sigmoid:1", "squared");
  const Network deep = parse_network(deep_spec(), "squared");
  row("derive Q1, all 17 gradients, local form", human(derive_seconds(q1, Form::local, false)),
      "< 10 ms");
  row("derive Q1, all 17 gradients, delta form", human(derive_seconds(q1, Form::delta, false)), "");
  row("derive Q1, all 17 gradients, expanded form",
      human(derive_seconds(q1, Form::expanded, false)), "");
  row("derive Q1 and print every equation, local form",
      human(derive_seconds(q1, Form::local, true)), "");
  row("derive 10 layers x 32 units (" + std::to_string(deep.parameter_count()) +
          " gradients), delta form",
      human(derive_seconds(deep, Form::delta, false)), "< 1 s");
  row("derive and print 10 layers x 32 units, delta form",
      human(derive_seconds(deep, Form::delta, true)), "");

  const ProcessCost q1_process =
      best_process({binary, "derive", "--net", q1.spec(), "--loss", "squared"});
  row("process: deltacheck derive Q1 (wall)", human(q1_process.seconds), "");
  row("process: deltacheck derive Q1 (peak memory)",
      std::to_string(static_cast<int>(q1_process.peak_mib)) + " MiB", "");
  const ProcessCost deep_process = best_process(
      {binary, "derive", "--net", deep.spec(), "--loss", "squared", "--form", "delta"}, 3);
  row("process: deltacheck derive 10x32 --form delta (wall)", human(deep_process.seconds), "< 1 s");
  row("process: deltacheck derive 10x32 --form delta (peak memory)",
      std::to_string(static_cast<int>(deep_process.peak_mib)) + " MiB", "");

  const Network mid = parse_network("6 relu:12 relu:8 sigmoid:1", "crossentropy");
  row("gradient of 6-12-8-1 (197 parameters), 50 digits", human(gradient_seconds<Real50>(mid)),
      "< 1 ms");
  row("gradient of 6-12-8-1 (197 parameters), double", human(gradient_seconds<double>(mid)),
      "< 5 us");
  {
    const PrecisionScope precision(1000);
    row("gradient of 6-12-8-1 (197 parameters), 1000 digits (MPFR)",
        human(gradient_seconds<RealN>(mid)), "");
  }
  row("verify Q1, 16 points, 50 digits (in process)",
      human(median_seconds([&] { (void)verify_network(q1, 16, 50); }, 2)), "");
  const ProcessCost verify_process =
      best_process({binary, "verify", "--net", q1.spec(), "--loss", "squared", "--points", "16"});
  row("process: deltacheck verify Q1 --points 16 (wall)", human(verify_process.seconds), "< 1 s");
  row("process: deltacheck verify Q1 --points 16 (peak memory)",
      std::to_string(static_cast<int>(verify_process.peak_mib)) + " MiB", "");
  const ProcessCost verify_1000 = best_process({binary, "verify", "--net", q1.spec(), "--loss",
                                                "squared", "--points", "16", "--digits", "1000"},
                                               3);
  row("process: deltacheck verify Q1 --points 16 --digits 1000 (wall)", human(verify_1000.seconds),
      "");

  // Checking: a complete Q1 answer file, 27 parts.
  const Exercise q1_exercise = load_exercise("assign-q1-squared");
  const std::string right = solution_text(q1_exercise, false),
                    wrong = solution_text(q1_exercise, true);
  const AnswerFile right_file = parse_answer_file(right, "right.txt"),
                   wrong_file = parse_answer_file(wrong, "wrong.txt");
  const double parts = static_cast<double>(q1_exercise.parts.size());
  const double prepare = median_seconds([&] { Checker c(q1_exercise); }, 1);
  row("check: prepare Q1 (derive, 8 points, truth vs backprop)", human(prepare), "");
  // A checker's first file reads and evaluates everything; the same file again finds its
  // readings and values kept (what a grading worker gains when students write alike).
  const double right_seconds =
      median_seconds([&] { (void)Checker(q1_exercise).check(right_file); }, 2) - prepare;
  row("check: Q1 all 27 parts right, a checker's 1st file (proofs in a child)",
      human(right_seconds), "");
  row("check: Q1 per part, right", human(right_seconds / parts), "");
  const double wrong_seconds =
      median_seconds([&] { (void)Checker(q1_exercise).check(wrong_file); }, 2) - prepare;
  row("check: Q1 all 27 parts wrong, a checker's 1st file (mutants listed)", human(wrong_seconds),
      "");
  row("check: Q1 per part, wrong", human(wrong_seconds / parts), "");
  Checker checker(q1_exercise);
  (void)checker.check(right_file, false);
  row("check: Q1 all 27 parts right, the same file again (no proofs)",
      human(median_seconds([&] { (void)checker.check(right_file, false); }, 1)), "");
  const std::string right_path = write_temporary("right.txt", right),
                    wrong_path = write_temporary("wrong.txt", wrong);
  const ProcessCost check_right = best_process({binary, "check", "assign-q1-squared", right_path});
  row("process: deltacheck check Q1, 27 parts right (wall)", human(check_right.seconds),
      "< 100 ms");
  row("process: deltacheck check Q1, 27 parts right (peak memory)",
      std::to_string(static_cast<int>(check_right.peak_mib)) + " MiB", "");
  const ProcessCost check_wrong = best_process({binary, "check", "assign-q1-squared", wrong_path});
  row("process: deltacheck check Q1, 27 parts wrong (wall)", human(check_wrong.seconds),
      "< 100 ms");
  std::remove(right_path.c_str());
  std::remove(wrong_path.c_str());
  // Whole Q1 files as students write them: pasted from a LaTeX write-up, and in Unicode.
  const std::string corpus = std::string(DELTACHECK_SOURCE_DIR) + "/tests/data/student_corpus/";
  for (const char* style : {"latex", "unicode"}) {
    const ProcessCost styled = best_process(
        {binary, "check", "assign-q1-squared", corpus + style + "/assign-q1-squared-01.txt"});
    row(std::string("process: deltacheck check Q1 written in ") + style + ", 27 parts (wall)",
        human(styled.seconds), "< 100 ms");
  }

  // Grading: 1000 complete Q1 submissions, a third right, a third with one part
  // wrong, a third with every part wrong, graded by 2 worker processes.
  const std::string class_dir = "/tmp/deltacheck_bench_class_" + std::to_string(getpid());
  mkdir(class_dir.c_str(), 0755);
  // Students [from, to) of the class: a third right, a third with one part wrong, a third with
  // every part wrong.
  const auto write_class = [&](int from, int to) {
    for (int i = from; i < to; ++i) {
      std::string text = i % 3 == 2 ? wrong : right;
      if (i % 3 == 1) text.replace(text.find("dL/dw1_11 = "), 12, "dL/dw1_11 = 2*");
      char name[64];
      std::snprintf(name, sizeof name, "/student%05d.txt", i);
      std::ofstream(class_dir + name) << text;
    }
  };
  write_class(0, 1000);
  for (const char* jobs : {"1", "2"}) {
    const ProcessCost grade =
        best_process({binary, "grade", "assign-q1-squared", "--dir", class_dir, "--jobs", jobs}, 2);
    row(std::string("process: deltacheck grade 1000 Q1 submissions, --jobs ") + jobs + " (wall)",
        human(grade.seconds), jobs[0] == '2' ? "< 20 s" : "");
    row(std::string("process: grade 1000, --jobs ") + jobs + ", largest process (peak RSS)",
        std::to_string(static_cast<int>(grade.peak_mib)) + " MiB",
        jobs[0] == '2' ? "< 300 MB" : "");
  }
  // The same mix, 10,000 submissions: the cost of checking at class scale (per file, after each
  // worker has prepared the exercise once).
  write_class(1000, 10000);
  const ProcessCost grade_10k =
      best_process({binary, "grade", "assign-q1-squared", "--dir", class_dir, "--jobs", "2"}, 1);
  row("grade 10,000 Q1 submissions, --jobs 2 (wall; was 12.4 s)", human(grade_10k.seconds),
      "< 5 s");
  // 10,000 files that are nearly all different: the figure for a class that writes its own way
  // (what one worker keeps from file to file helps less).
  for (int i = 0; i < 10000; ++i) {
    char name[64];
    std::snprintf(name, sizeof name, "/student%05d.txt", i);
    std::ofstream(class_dir + name) << varied_answer_file(right, i);
  }
  const ProcessCost grade_varied =
      best_process({binary, "grade", "assign-q1-squared", "--dir", class_dir, "--jobs", "2"}, 1);
  row("grade 10,000 Q1 submissions, each written its own way, --jobs 2",
      human(grade_varied.seconds), "");
  row("check process Q1, 27 parts right (wall; was 33.7 ms)", human(check_right.seconds),
      "< 20 ms");
  std::system(("rm -rf " + class_dir).c_str());

  training_side_by_side(binary);
  const std::string python = debian_python();

  // Reports: the worked solution of Q1 as .tex only, and as PDF through latexmk.
  const std::string tex_path = "/tmp/deltacheck_bench_" + std::to_string(getpid()) + "_q1.tex";
  const ProcessCost tex =
      best_process({binary, "report", "assign-q1-squared", "--format", "latex", "-o", tex_path});
  row("process: deltacheck report Q1 --format latex (wall)", human(tex.seconds), "< 1 s");
  const std::string pdf_path = tex_path.substr(0, tex_path.size() - 4) + ".pdf";
  const ProcessCost pdf = best_process({binary, "report", "assign-q1-squared", "-o", pdf_path}, 2);
  row("process: deltacheck report Q1, PDF through latexmk (wall)",
      pdf.status == 0 ? human(pdf.seconds) : "no LaTeX", "");
  for (const char* ext : {".tex", ".pdf", ".log"})
    std::remove((tex_path.substr(0, tex_path.size() - 4) + ext).c_str());

  // Side by side with the peers, each run on the same task.
  const std::string peers = std::string(DELTACHECK_SOURCE_DIR) + "/bench/peers/";
  std::printf(
      "\nSide by side with peer tools:\n\n| %-70s | %-12s | %-8s | %-34s | %-9s |\n|%s|%s|%s|%s|%s|\n",
      "task", "ours", "peer", "peer's", "ratio", std::string(72, '-').c_str(),
      std::string(14, '-').c_str(), std::string(10, '-').c_str(), std::string(36, '-').c_str(),
      std::string(11, '-').c_str());
  // Derivation against SymPy set up as its best users would (bench/peers/sympy_derive.py):
  // activations as functions with the notes' derivatives, `diff` through the chain, the
  // gradients written back in the network's names with common factors collected.
  for (const auto& [name, spec, loss, runs] :
       {std::make_tuple("Q1", "3 relu:2 sigmoid:2 sigmoid:1", "squared", 3),
        std::make_tuple("Q2", "2 tanh:1 sigmoid:2", "crossentropy", 3),
        std::make_tuple("4-5-5-5-2 sigmoid", "4 sigmoid:5 sigmoid:5 sigmoid:5 sigmoid:2", "squared",
                        1)}) {
    const double ours_derive = derive_seconds(parse_network(spec, loss), Form::local, true);
    const ProcessCost ours_process =
        best_process({binary, "derive", "--net", spec, "--loss", loss});
    double diff_s = 0, collect_s = 0, wall = 1e300;
    int total = 0;
    for (int r = 0; r < runs; ++r) {
      const auto t0 = std::chrono::steady_clock::now();
      const std::string sympy =
          peer(python + " " + peers + "sympy_derive.py '" + spec + "' " + loss);
      const double w = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      double d = 0, c = 0;
      if (std::sscanf(sympy.c_str(), "%lf %lf %d", &d, &c, &total) != 3) break;
      if (w < wall) wall = w, diff_s = d, collect_s = c;
    }
    const std::string figure = std::string("derive every gradient of ") + name + ", local form";
    if (total == 0) {
      peer_row(figure, human(ours_derive), "SymPy", "not run (apt-get install python3-sympy)", "");
      continue;
    }
    char theirs[64];
    std::snprintf(theirs, sizeof theirs, "%d: diff %s, collect %s", total, human(diff_s).c_str(),
                  human(collect_s).c_str());
    peer_row(figure + " (in process)", human(ours_derive), "SymPy", theirs,
             ratio_text((diff_s + collect_s) / ours_derive));
    peer_row(figure + " (whole process)", human(ours_process.seconds), "SymPy", human(wall),
             ratio_text(wall / ours_process.seconds));
  }
  {
    // 27 Q1 answers written in z (sigmoid(z2_1) for a2_1): equal to the truth?
    std::string answers;
    std::istringstream in(right);
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("dL/d", 0) == 0)
        for (const char* a : {"a2_1", "a2_2", "a3_1"}) {
          const std::string z = std::string("sigmoid(z") + (a + 1) + ")";
          for (std::size_t at = line.find(a, line.find('=')); at != std::string::npos;
               at = line.find(a, at + z.size()))
            line.replace(at, 4, z);
        }
      answers += line + "\n";
    }
    const std::string answers_path = write_temporary("answers.txt", answers),
                      truth_path = write_temporary("truth.txt", right);
    const std::string defs_path = write_temporary(
        "definitions.txt",
        "a1_1 = relu(z1_1)\na1_2 = relu(z1_2)\na2_1 = sigmoid(z2_1)\na2_2 = sigmoid(z2_2)\na3_1 = sigmoid(z3_1)\n");
    Checker checker(q1_exercise);
    const AnswerFile file = parse_answer_file(answers, "answers.txt");
    int proved = 0;
    for (const PartResult& p : checker.check(file).parts) proved += p.proved;
    // A checker's first file (nothing kept from an earlier check), as the peer's run is.
    const double ours =
        median_seconds([&] { (void)Checker(q1_exercise).check(file); }, 1) - prepare;
    const ProcessCost ours_process =
        best_process({binary, "check", "assign-q1-squared", answers_path});
    const std::string ours_text = human(ours) + ", " + std::to_string(proved) + "/27";
    double seconds = 0;
    int ok = 0, parts = 0;
    if (std::sscanf(peer(python + " " + peers + "sympy_check.py " + answers_path + " " +
                         truth_path + " " + defs_path)
                        .c_str(),
                    "%lf %d %d", &seconds, &ok, &parts) == 3)
      peer_row("check 27 Q1 answers (in process), proved", ours_text, "SymPy",
               human(seconds) + ", " + std::to_string(ok) + "/" + std::to_string(parts) +
                   " simplify to 0",
               ratio_text(seconds / ours));
    else
      peer_row("check 27 Q1 answers (in process), proved", ours_text, "SymPy",
               "not run (apt-get install python3-sympy)", "");
    if (std::sscanf(peer(python + " " + peers + "maxima_check.py " + answers_path + " " +
                         truth_path + " " + defs_path)
                        .c_str(),
                    "%lf %d %d", &seconds, &ok, &parts) == 3)
      peer_row("check 27 Q1 answers (whole process), proved",
               human(ours_process.seconds) + ", " + std::to_string(proved) + "/27", "Maxima",
               human(seconds) + ", " + std::to_string(ok) + "/" + std::to_string(parts) +
                   " ratsimp to 0",
               ratio_text(seconds / ours_process.seconds));
    else
      peer_row("check 27 Q1 answers (whole process), proved", human(ours_process.seconds), "Maxima",
               "not run (apt-get install maxima)", "");
    for (const std::string& f : {answers_path, truth_path, defs_path}) std::remove(f.c_str());
  }
  {
    // The digits each can certify, on the same random networks.
    const char* const nets[][2] = {{"3 relu:2 sigmoid:2 sigmoid:1", "squared"},
                                   {"2 tanh:1 sigmoid:2", "crossentropy"},
                                   {"4 tanh:6 tanh:6 sigmoid:1", "crossentropy"},
                                   {"5 sigmoid:8 relu:4 linear:2", "squared"},
                                   {"3 tanh:12 sigmoid:12 tanh:12 sigmoid:3", "crossentropy"}};
    double ours_worst = 1e9, torch_worst = 1e9;
    int torch_passed = 0, torch_runs = 0;
    for (const auto& n : nets) {
      const VerifyResult v = verify_network(parse_network(n[0], n[1]), 4, 50, 1);
      ours_worst = std::min(ours_worst, v.worst);
      int passed = 0, tolerance = 0;
      double agree = 0, seconds = 0;
      if (std::sscanf(
              peer(python + " " + peers + "torch_gradcheck.py '" + n[0] + "' " + n[1] + " 1")
                  .c_str(),
              "%d %d %lf %lf", &passed, &tolerance, &agree, &seconds) == 4) {
        torch_passed += passed;
        ++torch_runs;
        torch_worst = std::min(torch_worst, agree);
      }
    }
    char ours_text[64], theirs[96];
    std::snprintf(ours_text, sizeof ours_text, "%.1f digits", ours_worst);
    if (torch_runs) {
      std::snprintf(theirs, sizeof theirs, "3 digits (rtol 1e-3; passed %d/%d; FD agree %.1f)",
                    torch_passed, torch_runs, torch_worst);
      peer_row("gradient digits certified, 5 random networks", ours_text, "gradcheck", theirs,
               ratio_text(ours_worst / 3) + " digits");
    } else {
      peer_row("gradient digits certified, 5 random networks", ours_text, "gradcheck",
               "not run (apt-get install python3-torch)", "");
    }
  }
  scaling(binary);
  return 0;
}
