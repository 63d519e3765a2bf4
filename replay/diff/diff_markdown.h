// The Markdown form of a run diff (`kreplay diff -o markdown`), for a
// pull-request comment: a heading that says whether the outcomes differ,
// one table of the outcomes side by side (verdict, every check, the items
// that differ), one of the aligned steps, one of the end-state differences.
#ifndef KREPLAY_REPLAY_DIFF_DIFF_MARKDOWN_H_
#define KREPLAY_REPLAY_DIFF_DIFF_MARKDOWN_H_

#include <string>

#include "replay/diff/run_diff.h"

namespace kreplay {

std::string DiffMarkdown(const RunDiff& diff);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_DIFF_DIFF_MARKDOWN_H_
