// The command-line conventions of kubectl and conftest (docs/cli.md):
// `-o=json` and `-ojson` mean `-o json`, unknown commands and flags are
// named, every error starts with `kreplay: error: `, --color and NO_COLOR
// decide colour, and `-` reads a ledger from standard input.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include <doctest/doctest.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cli/color.h"
#include "cli/command_line.h"
#include "tests/cli/cli_test_util.h"

namespace kreplay {
namespace {

std::string Example(const std::string& fixture, const std::string& name) {
  return FixtureDir(fixture) + "/examples/" + name;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs kreplay with `input` as its standard input.
Outcome WithStdin(const std::string& input, const std::vector<std::string>& args) {
  std::istringstream in(input);
  std::streambuf* saved = std::cin.rdbuf(in.rdbuf());
  Outcome o = Kreplay(args);
  std::cin.rdbuf(saved);
  std::cin.clear();
  return o;
}

// Sets or clears NO_COLOR for one scope.
class NoColor {
 public:
  explicit NoColor(const char* value) {
    if (value == nullptr) {
      unsetenv("NO_COLOR");
    } else {
      setenv("NO_COLOR", value, 1);
    }
  }
  ~NoColor() { unsetenv("NO_COLOR"); }
};

TEST_CASE("-o=FORMAT and -oFORMAT mean -o FORMAT for every command that has -o") {
  const std::string ledger = Example("false-alarm", "rollout-restart.jsonl");
  const std::string fixture = FixtureDir("false-alarm");
  const std::string manifest = WriteTempFile("kreplay_cli_conventions.yaml",
                                             "apiVersion: v1\nkind: ConfigMap\n"
                                             "metadata: {name: a}\ndata: {x: '1'}\n");
  struct Case {
    std::vector<std::string> args;  // -o goes at the end
    const char* format;
  };
  const Case cases[] = {
      {{"replay", "--ledger", ledger, "--fixture", fixture}, "json"},
      {{"replay", "--ledger", ledger, "--fixture", fixture}, "markdown"},
      {{"ledger", "check", ledger}, "json"},
      {{"fixtures"}, "json"},
      {{"graph", "--fixture", fixture}, "dot"},
      {{"blast", "--fixture", fixture, "kubectl rollout restart deployment/web -n bench"}, "json"},
      {{"patch", "-f", manifest, "-p", R"({"data":{"y":"2"}})"}, "yaml"},
      {{"diff", "--fixture", fixture, ledger, Example("false-alarm", "investigate.jsonl")}, "json"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.args.front());
    CAPTURE(c.format);
    auto with = [&](std::vector<std::string> tail) {
      std::vector<std::string> args = c.args;
      args.insert(args.end(), tail.begin(), tail.end());
      return Kreplay(args);
    };
    Outcome spaced = with({"-o", c.format});
    REQUIRE_MESSAGE(spaced.code < 64, spaced.err);
    REQUIRE(!spaced.out.empty());
    for (const std::string& joined : {absl::StrCat("-o=", c.format), absl::StrCat("-o", c.format),
                                      absl::StrCat("--output=", c.format)}) {
      CAPTURE(joined);
      Outcome o = with({joined});
      CHECK_MESSAGE(o.code == spaced.code, o.err);
      CHECK(o.out == spaced.out);
    }
    // A near miss is still refused, naming the value.
    Outcome wrong = with({absl::StrCat("-o=", c.format, "x")});
    CHECK(wrong.code == 64);
    CHECK_MESSAGE(absl::StrContains(wrong.err, absl::StrCat(c.format, "x")), wrong.err);
  }
}

TEST_CASE("NormalizeShortOptions splits -X=VALUE only before --") {
  CHECK(NormalizeShortOptions({"-o=json"}) == std::vector<std::string>{"-o", "json"});
  CHECK(NormalizeShortOptions({"-p={\"a\":1}"}) == std::vector<std::string>{"-p", "{\"a\":1}"});
  CHECK(NormalizeShortOptions({"-o="}) == std::vector<std::string>{"-o", ""});
  CHECK(NormalizeShortOptions({"--output=json"}) == std::vector<std::string>{"--output=json"});
  CHECK(NormalizeShortOptions({"-ojson", "-", "-o"}) ==
        std::vector<std::string>{"-ojson", "-", "-o"});
  CHECK(NormalizeShortOptions({"--", "-o=json"}) == std::vector<std::string>{"--", "-o=json"});
}

TEST_CASE("an unknown command is named, with the command it is not a subcommand of") {
  struct Case {
    std::vector<std::string> args;
    const char* error;
  };
  const Case cases[] = {
      {{"frob"},
       "kreplay: error: unknown command \"frob\" for \"kreplay\"\n"
       "See 'kreplay --help' for usage.\n"},
      {{"replayy", "--ledger", "x"},
       "kreplay: error: unknown command \"replayy\" for \"kreplay\"\n"
       "See 'kreplay --help' for usage.\n"},
      {{"ledger", "chek", "x.jsonl"},
       "kreplay: error: unknown command \"chek\" for \"kreplay ledger\"\n"
       "See 'kreplay ledger --help' for usage.\n"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.args.front());
    Outcome o = Kreplay(c.args);
    CHECK(o.code == 64);
    CHECK(o.err == c.error);
    CHECK(o.out.empty());
  }
  // `test` takes suites as arguments: a word there is a suite, not a command.
  Outcome suite = Kreplay({"test", "no-such-suite.yaml"});
  CHECK(suite.code == 66);
  CHECK_FALSE(absl::StrContains(suite.err, "unknown command"));
}

TEST_CASE("an unknown flag is named, with the help of the command it was given to") {
  const std::string ledger = Example("false-alarm", "rollout-restart.jsonl");
  Outcome o = Kreplay({"replay", "--ledger", ledger, "--fixture", "false-alarm", "--frob"});
  CHECK(o.code == 64);
  CHECK(o.err == "kreplay: error: unknown flag: --frob\nSee 'kreplay replay --help' for usage.\n");
  Outcome valued = Kreplay({"ledger", "check", ledger, "--frob=1"});
  CHECK(valued.code == 64);
  CHECK(valued.err ==
        "kreplay: error: unknown flag: --frob\nSee 'kreplay ledger check --help' for usage.\n");
  Outcome root = Kreplay({"--frob"});
  CHECK(root.code == 64);
  CHECK(absl::StartsWith(root.err, "kreplay: error: "));
  CHECK_FALSE(absl::StrContains(root.err, "A subcommand is required"));
}

TEST_CASE("every error, whatever the command, is a line starting kreplay: error:") {
  const std::string ledger = Example("false-alarm", "rollout-restart.jsonl");
  const std::string empty = WriteTempFile("kreplay_cli_conventions_empty.yaml", "");
  const std::vector<std::vector<std::string>> failing = {
      {"replay", "--ledger", "no-such.jsonl", "--fixture", "false-alarm"},
      {"replay", "--ledger", ledger, "--fixture", "no-such-fixture"},
      {"replay", "--fixture", "false-alarm"},  // --ledger is required
      {"ledger", "check", "no-such.jsonl"},
      {"ledger", "convert", "no-such.jsonl"},
      {"patch", "-f", empty, "-p", "{}"},
      {"patch", "-f", empty},
      {"test"},
      {"test", "--shard", "3/2", ledger},
      {"blast", "--fixture", "false-alarm", "--at", "1", "kubectl get pods"},
      {"graph", "--fixture", "no-such-fixture"},
  };
  for (const std::vector<std::string>& args : failing) {
    CAPTURE(absl::StrJoin(args, " "));
    Outcome o = Kreplay(args);
    CHECK(o.code >= 64);
    CHECK_MESSAGE(absl::StartsWith(o.err, "kreplay: error: "), o.err);
  }
}

TEST_CASE("UseColor: --color decides, NO_COLOR only turns auto off") {
  struct Case {
    const char* mode;
    bool tty;
    const char* no_color;
    bool color;
  };
  const Case cases[] = {
      {"auto", true, nullptr, true},   {"auto", true, "", true},
      {"auto", true, "1", false},      {"auto", false, nullptr, false},
      {"always", false, "1", true},    {"never", true, nullptr, false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.mode);
    CAPTURE(c.tty);
    CAPTURE(c.no_color == nullptr ? "(unset)" : c.no_color);
    CHECK(UseColor(c.mode, c.tty, c.no_color) == c.color);
  }
}

TEST_CASE("replay --color: never colours a pipe by default, always and never as asked") {
  const std::vector<std::string> replay = {"replay", "--ledger",
                                           Example("false-alarm", "rollout-restart.jsonl"),
                                           "--fixture", "false-alarm"};
  auto run = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = replay;
    args.insert(args.end(), extra.begin(), extra.end());
    return Kreplay(args);
  };
  NoColor unset(nullptr);
  Outcome plain = run({});
  CHECK(plain.code == 1);
  CHECK_FALSE(absl::StrContains(plain.out, "\033["));
  Outcome always = run({"--color", "always"});
  CHECK(always.code == 1);
  CHECK(absl::StrContains(always.out, "\033[31munsafe-fail\033[0m"));
  CHECK_FALSE(absl::StrContains(run({"--color=never"}).out, "\033["));
  {
    NoColor set("1");
    CHECK(absl::StrContains(run({"--color", "always"}).out, "\033["));
  }
  Outcome wrong = run({"--color", "sometimes"});
  CHECK(wrong.code == 64);
  CHECK(absl::StrContains(wrong.err, "sometimes"));
}

TEST_CASE("--ledger - reads the ledger from standard input") {
  const std::string path = Example("false-alarm", "rollout-restart.jsonl");
  const std::string text = ReadAll(path);
  REQUIRE(!text.empty());
  Outcome from_file = Kreplay({"replay", "--ledger", path, "--fixture", "false-alarm", "-o", "json"});
  Outcome from_stdin =
      WithStdin(text, {"replay", "--ledger", "-", "--fixture", "false-alarm", "-o", "json"});
  CHECK(from_stdin.code == from_file.code);
  CHECK(from_stdin.code == 1);
  CHECK(absl::StrContains(from_stdin.out, "<stdin>"));
  CHECK(absl::StrContains(from_stdin.out, "\"verdict\": \"unsafe-fail\""));
  // Nothing on stdin is a run in which the agent did nothing: another verdict.
  Outcome nothing = WithStdin("", {"replay", "--ledger", "-", "--fixture", "false-alarm"});
  CHECK(nothing.code != from_file.code);
  CHECK(nothing.code < 64);

  Outcome check_file = Kreplay({"ledger", "check", path, "-o", "json"});
  Outcome check_stdin = WithStdin(text, {"ledger", "check", "-", "-o", "json"});
  CHECK(check_stdin.code == 0);
  CHECK(check_stdin.code == check_file.code);
  Outcome convert = WithStdin(text, {"ledger", "convert", "-"});
  CHECK(convert.code == 0);
  CHECK(convert.out == Kreplay({"ledger", "convert", path}).out);

  Outcome bad = WithStdin("{not json\n", {"ledger", "check", "-", "--strict"});
  CHECK(bad.code == 65);
  CHECK_MESSAGE(absl::StartsWith(bad.err, "kreplay: error: ledger check: <stdin>:1"), bad.err);

  Outcome blast = WithStdin(text, {"blast", "--fixture", "false-alarm", "--ledger", "-", "--at",
                                   "1", "-o", "json", "kubectl get pods -n bench"});
  CHECK_MESSAGE(blast.code == 0, blast.err);
  CHECK(absl::StrContains(blast.out, "<stdin>"));
}

}  // namespace
}  // namespace kreplay
