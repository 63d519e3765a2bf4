// The limits on one call's command line (replay/shell/shell_limits.h): a
// line over them is one uninterpreted operation naming the limit, never
// thousands of operations and never nothing.
#include <string>

#include <doctest/doctest.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "replay/shell/command_line.h"
#include "replay/shell/shell_limits.h"

namespace kreplay {
namespace {

std::string Chain(size_t commands, const char* connector = " && ",
                  const char* command = "kubectl get pods -n bench") {
  std::string text;
  for (size_t i = 0; i < commands; ++i) {
    if (i > 0) text += connector;
    text += command;
  }
  return text;
}

TEST_CASE("shell limits: commands per line") {
  struct Case {
    const char* name;
    std::string text;
    size_t operations;    // when interpreted
    const char* problem;  // "" = interpreted
  };
  const Case cases[] = {
      {"at the limit with &&", Chain(kMaxCommandsPerLine), kMaxCommandsPerLine, ""},
      {"one past with &&", Chain(kMaxCommandsPerLine + 1), 1,
       "command line of 1001 commands is not interpreted (limit 1000)"},
      {"100,000 with &&", Chain(100000, " && ", "echo"), 1, "command line of 100000 commands"},
      {"past with ;", Chain(kMaxCommandsPerLine + 1, "; "), 1, "commands is not interpreted"},
      {"past with ||", Chain(kMaxCommandsPerLine + 1, " || "), 1, "commands is not interpreted"},
      {"past with |", Chain(kMaxCommandsPerLine + 1, " | "), 1, "commands is not interpreted"},
      {"past with newlines", Chain(kMaxCommandsPerLine + 1, "\n"), 1, "commands is not interpreted"},
      {"past inside sh -c", absl::StrCat("sh -c '", Chain(kMaxCommandsPerLine + 1), "'"), 1,
       "commands is not interpreted"},
  };
  for (const Case& c : cases) {
    INFO(std::string(c.name));
    CommandLineOps ops = InterpretCommandLine(c.text);
    REQUIRE(ops.operations.size() == c.operations);
    const Operation& first = ops.operations.front();
    if (std::string(c.problem).empty()) {
      CHECK(first.problem.empty());
      CHECK(first.verb == Verb::kGet);
      continue;
    }
    CAPTURE(first.problem);
    CHECK(first.verb == Verb::kUnknown);
    CHECK(absl::StrContains(first.problem, c.problem));
    CHECK(first.source.size() <= 203);  // an excerpt, not the whole line
  }
}

TEST_CASE("shell limits: bytes per line") {
  const std::string at_limit =
      absl::StrCat("echo ", std::string(kMaxCommandLineBytes - 5, 'x'));
  CommandLineOps ok = InterpretCommandLine(at_limit);
  REQUIRE(ok.operations.size() == 1);
  CHECK(ok.operations[0].verb == Verb::kLocal);

  const std::string heredoc = absl::StrCat("kubectl apply -f - <<EOF\n",
                                           std::string(kMaxCommandLineBytes, '#'), "\nEOF");
  CommandLineOps refused = InterpretCommandLine(heredoc);
  REQUIRE(refused.operations.size() == 1);
  CHECK(refused.operations[0].verb == Verb::kUnknown);
  CHECK(absl::StrContains(refused.operations[0].problem,
                          "bytes is not interpreted (limit 1048576)"));
  CHECK(absl::StartsWith(refused.operations[0].source, "kubectl apply -f - <<EOF"));
}

}  // namespace
}  // namespace kreplay
