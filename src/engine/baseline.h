// Baselines: record today's findings so that only new ones are reported. A finding is matched by
// its rule, its file and the content of the flagged line and text (not the line number), so
// edits elsewhere in the file that move lines keep it matched.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace agentlint {

std::string Fingerprint(const Diagnostic& d);

std::string BaselineJson(const std::vector<Diagnostic>& diagnostics);

// Parses a baseline written by BaselineJson: fingerprint -> how many findings carry it. Returns
// false (and says why in `error`) when the text is not a baseline.
bool ParseBaseline(const std::string& text, std::map<std::string, int>& counts, std::string& error);

// Drops the findings the baseline accounts for (each fingerprint as often as it was recorded).
void ApplyBaseline(std::vector<Diagnostic>& diagnostics, std::map<std::string, int> counts);

}  // namespace agentlint
