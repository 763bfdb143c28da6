// `agentlint lsp`: a Language Server Protocol server on standard input and output.
// Diagnostics on open and on every change, from the unsaved buffer (siblings from disk, other
// open buffers taking precedence), so project findings appear live; code actions from the fixes
// findings carry (safe ones preferred) and a fix-all source action with `--fix`'s result; hover
// on a finding shows its rule's documentation; `.agentlint.yaml` is read at every lint, and a
// change to it (watched or saved) re-lints every open buffer. No input ends the server but
// `exit` or the end of its input.
#pragma once

#include <istream>
#include <ostream>

#include "engine/linter.h"

namespace agentlint::lsp {

// Serves until `exit` (0 after `shutdown`, else 1) or the end of `in` (1 unless shut down).
int Serve(std::istream& in, std::ostream& out, const LintOptions& options);

}  // namespace agentlint::lsp
