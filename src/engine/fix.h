// Applies the fixes findings carry (byte edits) to a file's text, repeatedly until nothing
// changes, and renders unified diffs. Never touches bytes outside the edits; refuses a result
// that gains an input-level finding. Writing files atomically is fix.cpp's job too.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "engine/linter.h"

namespace agentlint {

struct FixOptions {
  bool unsafe = false;  // also apply fixes marked unsafe
};

// Applies the non-overlapping edits of `diagnostics` (earliest first; an edit overlapping one
// already taken waits for the next round). Returns the number of findings fixed.
size_t ApplyEdits(std::string& text, const std::vector<Diagnostic>& diagnostics,
                  const FixOptions& options);

struct FileFix {
  std::string path;
  std::string before;
  std::string after;
  size_t fixed = 0;     // findings fixed
  std::string refused;  // why the fix was not kept (it would have made the file worse)
};

// Fixes one file in memory: lint, apply, re-lint, until stable (at most a few rounds).
FileFix FixFile(const DiscoveredFile& file, const LintOptions& lint, const FixOptions& options);

// Replaces the file atomically (a temporary file in the same folder, then rename), keeping its
// permission bits. Returns an error message, or "" on success.
std::string WriteAtomically(const std::string& path, const std::string& text);
// The same, with the text handed in pieces by `produce` to the writer it is given.
std::string WriteAtomically(
    const std::string& path,
    const std::function<void(const std::function<void(std::string_view)>&)>& produce);

// A unified diff of two versions of a file, with three lines of context.
std::string UnifiedDiff(const std::string& path, std::string_view before, std::string_view after);

}  // namespace agentlint
