#include "sim/container_fs.h"

#include <algorithm>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace kreplay {
namespace {

constexpr const char* kReadOnly = "Read-only file system";
constexpr const char* kNoEntry = "No such file or directory";
constexpr const char* kExists = "File exists";
constexpr const char* kIsDir = "Is a directory";

// The directories of every Linux image kreplay models.
constexpr const char* kBaseDirs[] = {"/",    "/bin", "/dev",      "/etc",     "/home",
                                     "/lib", "/proc", "/root",    "/run",     "/sbin",
                                     "/sys", "/tmp", "/usr",      "/usr/bin", "/usr/lib",
                                     "/usr/local", "/usr/sbin", "/usr/share", "/var",
                                     "/var/cache", "/var/lib", "/var/log", "/var/run",
                                     "/var/tmp"};

struct ProgramTrees {
  const char* repository;  // the image repository's last component
  std::vector<const char*> dirs;
  std::vector<const char*> trees;
};

// What an image's own program brings, by repository.
const std::vector<ProgramTrees>& KnownTrees() {
  static const std::vector<ProgramTrees> kTrees = {
      {"nginx", {"/var/log/nginx", "/var/cache/nginx", "/usr/share/nginx"},
       {"/etc/nginx", "/usr/share/nginx/html"}},
  };
  return kTrees;
}

std::string Parent(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == 0 || slash == std::string::npos ? "/" : path.substr(0, slash);
}

std::string Basename(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool Under(const std::string& path, const std::string& dir) {
  return dir == "/" ? path != "/" : absl::StartsWith(path, dir + "/");
}

bool Covers(const std::string& dir, const std::string& path) {
  return path == dir || Under(path, dir);
}

std::string Repository(const std::string& image) {
  std::string name = image.substr(0, image.find('@'));
  size_t slash = name.rfind('/');
  std::string last = slash == std::string::npos ? name : name.substr(slash + 1);
  return last.substr(0, last.find(':'));
}

}  // namespace

FsImage ImageRoot(const std::string& image, const std::vector<std::string>& files) {
  FsImage out;
  for (const char* dir : kBaseDirs) out.dirs.insert(dir);
  std::string repository = Repository(image);
  for (const ProgramTrees& t : KnownTrees()) {
    if (!absl::StrContains(repository, t.repository)) continue;
    for (const char* dir : t.dirs) out.dirs.insert(dir);
    for (const char* tree : t.trees) out.trees.insert(tree);
  }
  for (const std::string& file : files) out.files.insert(NormalizePath(file));
  for (const auto* set : {&out.files, &out.trees}) {
    for (const std::string& path : *set) {
      for (std::string p = Parent(path); p != "/"; p = Parent(p)) out.dirs.insert(p);
    }
  }
  return out;
}

std::string NormalizePath(const std::string& path, const std::string& cwd) {
  std::string full = absl::StartsWith(path, "/") ? path : absl::StrCat(cwd, "/", path);
  std::vector<std::string> parts;
  for (absl::string_view part : absl::StrSplit(full, '/', absl::SkipEmpty())) {
    if (part == ".") continue;
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.emplace_back(part);
  }
  return absl::StrCat("/", absl::StrJoin(parts, "/"));
}

ContainerFs::ContainerFs(FsImage image, std::vector<FsMount> mounts, bool read_only_root)
    : image_(std::move(image)), mounts_(std::move(mounts)), read_only_root_(read_only_root) {
  for (FsMount& m : mounts_) m.path = NormalizePath(m.path);
  // The runtime creates every mount point's parents in the root.
  for (const FsMount& m : mounts_) {
    for (std::string p = Parent(m.path); p != "/"; p = Parent(p)) image_.dirs.insert(p);
  }
}

const FsMount* ContainerFs::MountOf(const std::string& path) const {
  const FsMount* best = nullptr;
  for (const FsMount& m : mounts_) {
    if (Covers(m.path, path) && (best == nullptr || m.path.size() >= best->path.size())) {
      best = &m;
    }
  }
  return best;
}

ContainerFs::Kind ContainerFs::BaseStat(const std::string& path) const {
  // Every ancestor of a mount point is a directory.
  for (const FsMount& m : mounts_) {
    if (Under(m.path, path)) return Kind::kDir;
  }
  if (const FsMount* m = MountOf(path)) {
    if (m->file) return path == m->path ? Kind::kFile : Kind::kNone;
    if (path == m->path) return Kind::kDir;
    if (m->files.contains(path)) return Kind::kFile;
    for (const auto& [file, content] : m->files) {
      if (Under(file, path)) return Kind::kDir;
    }
    return Kind::kNone;
  }
  if (image_.dirs.contains(path) || image_.trees.contains(path)) return Kind::kDir;
  if (image_.files.contains(path)) return Kind::kFile;
  for (const std::string& tree : image_.trees) {
    if (Under(path, tree)) return Kind::kFile;
  }
  return Kind::kNone;
}

ContainerFs::Kind ContainerFs::Stat(const std::string& path) const {
  for (std::string p = path;; p = Parent(p)) {
    if (auto it = overlay_.find(p); it != overlay_.end()) {
      if (p == path) return it->second.kind;
      return it->second.tree ? Kind::kFile : Kind::kNone;
    }
    if (removed_.contains(p)) return Kind::kNone;
    if (p == "/") break;
  }
  return BaseStat(path);
}

std::optional<std::string> ContainerFs::Content(const std::string& path) const {
  if (Stat(path) != Kind::kFile) return std::nullopt;
  if (auto it = overlay_.find(path); it != overlay_.end()) return it->second.content;
  for (std::string p = Parent(path);; p = Parent(p)) {
    if (overlay_.contains(p)) return std::nullopt;  // under a copied tree
    if (p == "/") break;
  }
  const FsMount* m = MountOf(path);
  if (m == nullptr) return std::nullopt;
  auto it = m->files.find(m->file ? m->path : path);
  return it == m->files.end() ? std::nullopt : std::optional<std::string>(it->second);
}

bool ContainerFs::Writable(const std::string& path) const {
  const FsMount* m = MountOf(path);
  return m ? m->writable : !read_only_root_;
}

std::string ContainerFs::Put(const std::string& path, Node node) {
  if (!overlay_.contains(path) && overlay_.size() + removed_.size() >= kMaxFsEntries) {
    return kFsBoundError;
  }
  overlay_[path] = std::move(node);
  if (std::find(changed_.begin(), changed_.end(), path) == changed_.end()) {
    changed_.push_back(path);
  }
  return "";
}

std::string ContainerFs::WriteFile(const std::string& path,
                                   const std::optional<std::string>& content, bool append) {
  Kind kind = Stat(path);
  if (kind == Kind::kDir) return kIsDir;
  if (kind == Kind::kNone && Stat(Parent(path)) != Kind::kDir) return kNoEntry;
  if (!Writable(path)) return kReadOnly;
  Node node;
  if (append && kind == Kind::kFile) {
    std::optional<std::string> old = Content(path);
    if (old && content) node.content = *old + *content;
  } else {
    node.content = content;
  }
  return Put(path, std::move(node));
}

std::string ContainerFs::MakeDir(const std::string& path, bool parents) {
  Kind kind = Stat(path);
  if (kind == Kind::kDir) return parents ? "" : kExists;
  if (kind == Kind::kFile) return kExists;
  if (Stat(Parent(path)) != Kind::kDir) {
    if (!parents) return kNoEntry;
    if (std::string error = MakeDir(Parent(path), true); !error.empty()) return error;
  }
  if (!Writable(path)) return kReadOnly;
  Node node;
  node.kind = Kind::kDir;
  return Put(path, std::move(node));
}

std::string ContainerFs::Remove(const std::string& path, bool recursive, bool force) {
  Kind kind = Stat(path);
  if (kind == Kind::kNone) return force ? "" : kNoEntry;
  if (kind == Kind::kDir && !recursive) return kIsDir;
  if (!Writable(path)) return kReadOnly;
  if (!removed_.contains(path) && overlay_.size() + removed_.size() >= kMaxFsEntries) {
    return kFsBoundError;
  }
  for (auto it = overlay_.lower_bound(path); it != overlay_.end() && Covers(path, it->first);) {
    it = overlay_.erase(it);
  }
  removed_.insert(path);
  if (std::find(changed_.begin(), changed_.end(), path) == changed_.end()) {
    changed_.push_back(path);
  }
  return "";
}

std::string ContainerFs::Copy(const std::string& src, const std::string& dst, bool recursive) {
  Kind kind = Stat(src);
  if (kind == Kind::kNone) return absl::StrCat("stat:", kNoEntry);
  if (kind == Kind::kDir && !recursive) return "omit:";
  std::string target = Stat(dst) == Kind::kDir ? absl::StrCat(dst, "/", Basename(src)) : dst;
  if (kind == Kind::kFile) return WriteFile(target, Content(src), false);
  if (Stat(target) == Kind::kNone && Stat(Parent(target)) != Kind::kDir) return kNoEntry;
  if (Stat(target) == Kind::kFile) return "Not a directory";
  if (!Writable(target)) return kReadOnly;
  Node node;
  node.kind = Kind::kDir;
  node.tree = true;  // the source's contents, whatever they are
  if (std::string error = Put(target, std::move(node)); !error.empty()) return error;
  // Known files under the source keep their content in the copy.
  for (const auto& [path, content] : Written()) {
    if (!Under(path, src)) continue;
    std::string copy = absl::StrCat(target, path.substr(src.size()));
    if (std::string error = WriteFile(copy, content, false); error == kFsBoundError) return error;
  }
  if (const FsMount* m = MountOf(src); m && !m->file) {
    for (const auto& [path, content] : m->files) {
      if (!Under(path, src)) continue;
      std::string copy = absl::StrCat(target, path.substr(src.size()));
      if (std::string error = WriteFile(copy, content, false); error == kFsBoundError) return error;
    }
  }
  return "";
}

std::map<std::string, std::string> ContainerFs::Written() const {
  std::map<std::string, std::string> out;
  for (const auto& [path, node] : overlay_) {
    if (node.kind == Kind::kFile && node.content) out[path] = *node.content;
  }
  return out;
}

}  // namespace kreplay
