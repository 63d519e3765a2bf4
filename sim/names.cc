#include "sim/names.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace kreplay {
namespace {

constexpr absl::string_view kAlphanums = "bcdfghjklmnpqrstvwxz2456789";

// apimachinery's rand.SafeEncodeString: each byte picks alphanums[b % 27].
std::string SafeEncode(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) out.push_back(kAlphanums[c % kAlphanums.size()]);
  return out;
}

}  // namespace

uint32_t Fnv32a(absl::string_view data, uint32_t seed) {
  uint32_t hash = seed;
  for (unsigned char c : data) {
    hash ^= c;
    hash *= 16777619u;
  }
  return hash;
}

std::string PodTemplateHash(const Json& pod_template, int64_t collision_count) {
  Json canonical = pod_template;
  Erase(canonical, "metadata.labels.pod-template-hash");
  uint32_t hash = Fnv32a(Compact(canonical));
  if (collision_count > 0) {
    // Upstream appends the count as 8 bytes, little endian.
    std::string bytes(8, '\0');
    for (int i = 0; i < 4; ++i) bytes[i] = static_cast<char>(collision_count >> (8 * i));
    hash = Fnv32a(bytes, hash);
  }
  return SafeEncode(absl::StrCat(hash));
}

std::string PodSuffix(absl::string_view owner_uid, int64_t ordinal) {
  uint32_t hash = Fnv32a(absl::StrCat(owner_uid, "#", ordinal));
  std::string out;
  for (int i = 0; i < 5; ++i) {
    out.push_back(kAlphanums[hash % kAlphanums.size()]);
    hash = hash / kAlphanums.size() + Fnv32a(out, hash);
  }
  return out;
}

std::string MakeUid(absl::string_view kind, absl::string_view ns,
                    absl::string_view name, int64_t incarnation) {
  std::string seed = absl::StrCat(kind, "/", ns, "/", name, "#", incarnation);
  uint32_t a = Fnv32a(seed);
  uint32_t b = Fnv32a(seed, a);
  uint32_t c = Fnv32a(seed, b);
  uint32_t d = Fnv32a(seed, c);
  return absl::StrFormat("%08x-%04x-4%03x-8%03x-%04x%08x", a, b >> 16,
                         b & 0xfff, c >> 20, c & 0xffff, d);
}

}  // namespace kreplay
