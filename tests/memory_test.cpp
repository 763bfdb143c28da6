#include <doctest/doctest.h>
#include <sys/utsname.h>

#include <cstdio>

namespace {

[[maybe_unused]] bool KernelHasPopulate() {  // MADV_POPULATE_WRITE came with Linux 5.14
  utsname name{};
  int major = 0;
  int minor = 0;
  if (uname(&name) != 0 || std::sscanf(name.release, "%d.%d", &major, &minor) != 2) return false;
  return major > 5 || (major == 5 && minor >= 14);
}

}  // namespace

TEST_CASE("memory: a batch run's heap is present before it is touched") {
  FILE* probe = popen(AGENTLINT_MEMORY_PROBE, "r");
  REQUIRE(probe != nullptr);
  int before = -1;
  int first = -1;
  int again = -1;
  long present = -1;
  long beyond = -1;
  const int read =
      std::fscanf(probe, "%d %d %d %ld %ld", &before, &first, &again, &present, &beyond);
  REQUIRE(pclose(probe) == 0);
  REQUIRE(read == 5);
  CHECK(before == 0);  // nothing before the run asks for it
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__) || !defined(__GLIBC__) || \
    !defined(__linux__)
  CHECK(first == 0);  // the sanitizers' allocator is left alone
#else
  if (!KernelHasPopulate()) {
    MESSAGE("Linux before 5.14: pages fault one by one, as without agentlint's request");
    CHECK(first == 0);
    return;
  }
  CHECK(first == 1);
  CHECK(again == 0);  // inside the stretch made present: no system call
  // 768 pages: a few faults for the allocator's own bookkeeping at most.
  CHECK(present < 32);
  // The control: 4,096 pages past the present stretch fault one by one.
  CHECK(beyond > 2000);
#endif
}
