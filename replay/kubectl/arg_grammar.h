// Splitting a command line's words the way cobra and pflag do, driven by a
// grammar given as tables.
//
// kubectl and helm are cobra programs: a tree of subcommands (`rollout
// undo`, `create secret generic`) and per-command flags with pflag syntax
// (`--name=value`, `--name value`, `-n value`, `-nvalue`, `-n=value`,
// grouped boolean shorthands `-it`, `--` ending the flags, flags in any
// position). The grammar tables say which words are subcommands and, for
// every flag, its long name, shorthand, whether it takes a value and on
// which commands it exists. Nothing here knows what a flag means; the
// callers (kubectl_parser, helm_parser) turn ParsedArgs into Operations.
#ifndef KREPLAY_REPLAY_KUBECTL_ARG_GRAMMAR_H_
#define KREPLAY_REPLAY_KUBECTL_ARG_GRAMMAR_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace kreplay {

enum class FlagArity {
  kBool,      // `--force`, `--force=false`; never consumes the next word
  kValue,     // `--ns x`, `--ns=x`; repeated values are all kept
  kSlice,     // like kValue, and each value is split at commas (StringSlice)
  kOptional,  // `--dry-run` alone means `no_opt_value`; a value only with `=`
};

// One flag on some commands. `commands` is a comma-separated list of
// command paths ("get", "rollout undo"), patterns ("create *": any
// subcommand of create; "*": every command, i.e. a global flag) and
// group names ("@print", expanded through ArgGrammar::groups).
struct FlagSpec {
  const char* name;
  char shorthand;
  FlagArity arity;
  const char* commands;
  const char* no_opt_value = nullptr;  // kOptional only
};

// A named list of commands, so that a flag shared by thirty commands is one
// table row.
struct CommandGroup {
  const char* name;      // "print", referred to as "@print"
  const char* commands;  // as FlagSpec::commands, without groups
};

// One command path. `aliases` are comma-separated alternative spellings of
// the last word ("deploy" for "create deployment"). A command with
// `needs_subcommand` cannot run by itself (`kubectl rollout`).
struct CommandSpec {
  const char* path;
  const char* aliases = "";
  bool needs_subcommand = false;
};

struct ArgGrammar {
  const char* program;  // "kubectl", for messages
  absl::Span<const FlagSpec> flags;
  absl::Span<const CommandGroup> groups;
  absl::Span<const CommandSpec> commands;
};

// The words of one invocation, sorted out.
struct ParsedArgs {
  std::string command;                   // canonical path, "rollout undo"
  std::vector<std::string> positionals;  // non-flag words after the path
  bool dash = false;                     // `--` was given
  std::vector<std::string> after_dash;   // the words after `--`
  // Flag values by long name, in command-line order. Booleans hold "true"
  // or "false"; optional-value flags given bare hold their no_opt_value.
  std::map<std::string, std::vector<std::string>> flags;
  std::vector<std::string> unknown_flags;  // as typed, e.g. "--frobnicate"

  bool Has(absl::string_view name) const;
  // The last value of a flag; nullptr when absent.
  const std::string* Last(absl::string_view name) const;
  // Every value of a flag (empty when absent).
  std::vector<std::string> Values(absl::string_view name) const;
  // A boolean flag: absent is false.
  bool Bool(absl::string_view name) const;
};

// Parses `words` (without the program name) against `grammar`.
// An unknown flag is recorded in unknown_flags and treated as a boolean
// (`--x=y` keeps its value); the caller decides whether that matters.
// Errors: InvalidArgument for what cobra rejects as usage errors: an unknown
// command word where a subcommand is required (`unknown command "x" for
// "kubectl rollout"`), a missing subcommand, a flag without its value
// (`flag needs an argument: --namespace`), a malformed boolean.
absl::StatusOr<ParsedArgs> ParseArgs(absl::Span<const std::string> words,
                                     const ArgGrammar& grammar);

// Whether `command` is on the `commands` list of a FlagSpec (patterns and
// groups of `grammar` expanded).
bool CommandListMatches(absl::string_view commands, absl::string_view command,
                        const ArgGrammar& grammar);

// pflag's boolean words: 1 t T TRUE true True 0 f F FALSE false False.
// Errors: InvalidArgument naming `flag` and the word.
absl::StatusOr<bool> ParseFlagBool(absl::string_view flag, absl::string_view word);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_KUBECTL_ARG_GRAMMAR_H_
