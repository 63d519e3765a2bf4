// The wording the text and Markdown diff writers share: an object's fate
// in a run, one JSON Patch operation as a line, a step's position.
#ifndef KREPLAY_REPLAY_DIFF_DIFF_WORDS_H_
#define KREPLAY_REPLAY_DIFF_DIFF_WORDS_H_

#include <string>
#include <vector>

#include "model/json.h"
#include "replay/diff/run_diff.h"

namespace kreplay {

// "unchanged", "deleted by replicaset-controller", "updated by agent,
// deployment-controller".
std::string FateText(const ObjectFate& fate);

// `replace /spec/replicas: 2 -> 3` style lines of an RFC 6902 patch (`from`
// is the document the patch applies to, for the old values), at most
// `limit`, then `... N more`.
std::vector<std::string> PatchLines(const Json& patch, const Json& from, size_t limit);

// "A2", "B3", "" for 0.
std::string StepName(const char* run, int step);

// "A2 / B3" or "A2 (only in A)": where the paths part.
std::string PartingText(const AlignedStep& step);

// The readable verdict of the outcomes: "same" or "different".
inline const char* SameOrDifferent(bool same) { return same ? "same" : "different"; }

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_DIFF_DIFF_WORDS_H_
