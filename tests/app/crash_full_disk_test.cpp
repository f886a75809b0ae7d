// A full disk ends a crawl with a clear error and exit status 1, leaves the
// database sound with every posting it held, and the next crawl, with space
// again, ends the run with the export of a crawl that had space throughout.
//
// The real jobcrawler binary crawls the demo board with the fault VFS
// preloaded (tests/app/crash_fault_vfs.cpp), which makes the disk full once
// SQLite's files have grown by a given number of bytes: growing writes then
// fail with SQLITE_FULL, as ENOSPC makes them fail. The limits are shares of
// what an undisturbed crawl takes up at its peak, from none at all (the
// schema cannot be written) to most of it.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/app/crash_fixture.h"

namespace jobcrawler::app {
namespace {

using FullDiskTest = CrashFixture;

// Shares of the undisturbed crawl's peak at which the disk is full.
const std::vector<double> kFullAt =
    kSanitized ? std::vector<double>{0.0, 0.3, 0.8}
               : std::vector<double>{0.0, 0.02, 0.1, 0.25, 0.4, 0.55, 0.7, 0.85};

TEST_F(FullDiskTest, AFullDiskFailsClearlyLosesNothingAndTheNextCrawlContinues) {
  ASSERT_NO_FATAL_FAILURE(CrawlReference());
  for (std::size_t i = 0; i < kFullAt.size(); ++i) {
    const auto limit =
        static_cast<std::int64_t>(kFullAt[i] * static_cast<double>(reference_stats_.peak));
    SCOPED_TRACE(fmt::format("the disk full after {} bytes", limit));
    const std::string database = dir_.File(fmt::format("full-{}.db", i));

    CrawlOutcome full =
        Crawl(database, {fmt::format("JOBCRAWLER_FAULT_FULL_AFTER_BYTES={}", limit)});
    ASSERT_TRUE(full.ExitedWith(1)) << full.Describe() << "\n" << full.log;
    EXPECT_NE(full.log.find("database or disk is full"), std::string::npos) << full.log;
    EXPECT_EQ(testing::IntegrityCheck(database), "ok");
    const std::set<PostingRow> before = ReadPostings(database);
    EXPECT_EQ(Duplicates(database), "");

    // Still full: the next crawl fails at once, and harms nothing either.
    CrawlOutcome still = Crawl(database, {"JOBCRAWLER_FAULT_FULL_AFTER_BYTES=0"});
    EXPECT_TRUE(still.ExitedWith(1)) << still.Describe() << "\n" << still.log;
    EXPECT_EQ(testing::IntegrityCheck(database), "ok");
    EXPECT_EQ(Lost(before, ReadPostings(database)), "");

    CrawlOutcome next = Crawl(database);
    ASSERT_TRUE(next.ExitedWith(0)) << next.Describe() << "\n" << next.log;
    EXPECT_EQ(testing::IntegrityCheck(database), "ok");
    EXPECT_EQ(Lost(before, ReadPostings(database)), "") << "postings from before the full disk";
    EXPECT_EQ(Duplicates(database), "");
    EXPECT_EQ(Export(database), reference_export_) << "the export of an undisturbed crawl";
    if (HasFailure()) return;
  }
}

}  // namespace
}  // namespace jobcrawler::app
