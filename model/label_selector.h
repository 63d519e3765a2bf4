// Label selectors: the LabelSelector type (matchLabels + matchExpressions),
// a Service's plain selector map, and kubectl's `-l` string syntax.
//
// Empty and null differ by use, as in Kubernetes: a LabelSelector `{}`
// selects everything, a null one nothing (PodDisruptionBudget, policy/v1);
// a Service with no selector selects no pods.
#ifndef KREPLAY_MODEL_LABEL_SELECTOR_H_
#define KREPLAY_MODEL_LABEL_SELECTOR_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "model/json.h"

namespace kreplay {

using Labels = std::map<std::string, std::string>;

class LabelSelector {
 public:
  enum class Op { kIn, kNotIn, kExists, kDoesNotExist };
  struct Requirement {
    std::string key;
    Op op = Op::kExists;
    std::vector<std::string> values;
  };

  static LabelSelector Everything() { return LabelSelector(false); }
  static LabelSelector Nothing() { return LabelSelector(true); }

  // From a LabelSelector object; nullptr or JSON null selects nothing.
  // Errors: InvalidArgument for an unknown operator or a malformed field.
  static absl::StatusOr<LabelSelector> FromJson(const Json* selector);

  // From a Service-style map; an empty map selects nothing.
  static LabelSelector FromMap(const Labels& labels);

  // From kubectl's `-l` syntax: `a=b,c!=d,e in (x,y),f notin (z),g,!h`.
  // Errors: InvalidArgument naming the offending term.
  static absl::StatusOr<LabelSelector> Parse(absl::string_view text);

  bool Matches(const Labels& labels) const;
  bool selects_nothing() const { return nothing_; }
  const std::vector<Requirement>& requirements() const { return requirements_; }

  // The `-l` form of this selector (for reports).
  std::string ToString() const;

 private:
  explicit LabelSelector(bool nothing) : nothing_(nothing) {}
  bool nothing_;
  std::vector<Requirement> requirements_;
};

}  // namespace kreplay

#endif  // KREPLAY_MODEL_LABEL_SELECTOR_H_
