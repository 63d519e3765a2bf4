// The terminal form of a run diff (`kreplay diff`, the default -o text):
// the two runs, the outcomes side by side (every check; findings,
// touched-healthy and blast-radius members that differ, with a count of the
// same), the aligned steps with where the paths part and each changed
// payload, and the end-state differences with who made them.
#ifndef KREPLAY_REPLAY_DIFF_DIFF_TEXT_H_
#define KREPLAY_REPLAY_DIFF_DIFF_TEXT_H_

#include <string>

#include "replay/diff/run_diff.h"

namespace kreplay {

// How many lines of one JSON diff the text and Markdown forms print
// (the JSON form has all of them).
inline constexpr size_t kDiffLinesShown = 12;

std::string DiffText(const RunDiff& diff);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_DIFF_DIFF_TEXT_H_
