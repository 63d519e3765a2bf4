// Test helper: splits a command line into words the way a shell would for
// the simple lines the kubectl tests use (blanks, '...' and "..." quoting,
// backslash escapes inside double quotes). No expansion of any kind.
#ifndef KREPLAY_TESTS_REPLAY_KUBECTL_TEST_WORDS_H_
#define KREPLAY_TESTS_REPLAY_KUBECTL_TEST_WORDS_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace kreplay {

inline std::vector<std::string> TestWords(absl::string_view line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
      } else if (quote == '"' && c == '\\' && i + 1 < line.size()) {
        word.push_back(line[++i]);
      } else {
        word.push_back(c);
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == ' ' || c == '\n' || c == '\t') {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else {
      word.push_back(c);
      in_word = true;
    }
  }
  if (in_word) words.push_back(word);
  return words;
}

}  // namespace kreplay

#endif  // KREPLAY_TESTS_REPLAY_KUBECTL_TEST_WORDS_H_
