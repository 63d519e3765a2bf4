// A container's filesystem as far as its start script sees it: the image's
// root, the pod's volume mounts over it, and what the script changed.
//
// The image's root holds the usual directories of a Linux image (/bin, /etc,
// /tmp, /var/log, ...), the files the world names for the image, and its
// program's opaque trees (everything under /etc/nginx exists for an nginx
// image; contents unknown). A mount is writable (emptyDir, hostPath, a
// PersistentVolumeClaim, not `readOnly`) or not (ConfigMap, Secret); a
// ConfigMap or Secret mount holds exactly its keys as files. The root is
// read-only under `securityContext.readOnlyRootFilesystem`. Changes are kept
// in an overlay; a copied directory is opaque like its source. Errors are
// the errno texts a shell prints ("Read-only file system"); the overlay is
// bounded (kMaxFsEntries) and a write beyond the bound fails with
// kFsBoundError, which the caller treats as unknown behaviour.
#ifndef KREPLAY_SIM_CONTAINER_FS_H_
#define KREPLAY_SIM_CONTAINER_FS_H_

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kreplay {

inline constexpr size_t kMaxFsEntries = 256;
inline constexpr const char* kFsBoundError = "too many files for kreplay's model";

struct FsMount {
  std::string path;                          // absolute mount point
  bool writable = false;
  bool file = false;                         // a subPath mount of one file
  std::map<std::string, std::string> files;  // absolute path -> content
};

struct FsImage {
  std::set<std::string> dirs;
  std::set<std::string> files;  // contents unknown
  std::set<std::string> trees;  // directories whose every path exists
};

// The root of an image named `image` (its repository decides the opaque
// trees: /etc/nginx, /usr/share/nginx/html for nginx) with `files`.
FsImage ImageRoot(const std::string& image, const std::vector<std::string>& files);

// "/a/./b//c/../d" -> "/a/b/d"; a relative path is taken from `cwd`.
std::string NormalizePath(const std::string& path, const std::string& cwd = "/");

class ContainerFs {
 public:
  enum class Kind { kNone, kFile, kDir };

  ContainerFs(FsImage image, std::vector<FsMount> mounts, bool read_only_root);

  Kind Stat(const std::string& path) const;
  // The file's content when known (written by the script, or a mount's key).
  std::optional<std::string> Content(const std::string& path) const;

  // Each returns "" on success, else the errno text. `content` nullopt:
  // the file's content becomes unknown (sed -i).
  std::string WriteFile(const std::string& path, const std::optional<std::string>& content,
                        bool append);
  std::string MakeDir(const std::string& path, bool parents);
  std::string Remove(const std::string& path, bool recursive, bool force);
  // cp SRC DST: into DST/basename(SRC) when DST is a directory. Errors
  // prefixed "stat:" concern the source, "omit:" a directory without -r.
  std::string Copy(const std::string& src, const std::string& dst, bool recursive);

  // Whether a new entry at `path` may be created or changed.
  bool Writable(const std::string& path) const;

  // Files the script wrote whose content is known: path -> content.
  std::map<std::string, std::string> Written() const;
  // Every path the script created or changed, in order of first change.
  const std::vector<std::string>& Changed() const { return changed_; }

 private:
  struct Node {
    Kind kind = Kind::kFile;
    std::optional<std::string> content;
    bool tree = false;  // a copied directory: every path under it exists
  };

  Kind BaseStat(const std::string& path) const;
  const FsMount* MountOf(const std::string& path) const;
  std::string Put(const std::string& path, Node node);

  FsImage image_;
  std::vector<FsMount> mounts_;
  bool read_only_root_;
  std::map<std::string, Node> overlay_;
  std::set<std::string> removed_;
  std::vector<std::string> changed_;
};

}  // namespace kreplay

#endif  // KREPLAY_SIM_CONTAINER_FS_H_
