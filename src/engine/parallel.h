// Work spread over threads: `task(i)` for each of `indexes`, on up to `jobs` threads, each task
// taking the next index when it is free (files differ a hundredfold in size). Each task writes
// only its own slot, so results never depend on the number of threads. Each task is a step of
// the heap's growth (core/memory.h): what tasks keep is faulted in ahead, in bulk.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <numeric>
#include <thread>
#include <vector>

#include "core/memory.h"

namespace agentlint {

template <typename Task>
void ForEachParallel(const std::vector<size_t>& indexes, size_t jobs, const Task& task) {
  std::atomic<size_t> next{0};
  const auto work = [&] {
    for (size_t i = next++; i < indexes.size(); i = next++) {
      PrefaultHeapStep();
      task(indexes[i]);
    }
  };
  const size_t threads = std::max<size_t>(1, std::min(jobs, indexes.size()));
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& thread : pool) thread.join();
}

// The same over 0 .. count - 1.
template <typename Task>
void ForEachParallel(size_t count, size_t jobs, const Task& task) {
  std::vector<size_t> indexes(count);
  std::iota(indexes.begin(), indexes.end(), size_t{0});
  ForEachParallel(indexes, jobs, task);
}

}  // namespace agentlint
